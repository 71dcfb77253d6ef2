namespace Addons.Kit.Testing.Emulator.Model;

/// <summary>
/// One served (group, version, resource): the row of the kind table that drives routing, discovery,
/// OpenAPI and table output. Built-ins and CRD versions are both described by this record.
/// </summary>
internal sealed record ResourceKind(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    bool HasStatus,
    IReadOnlyList<PrinterColumn> Columns,
    bool BuiltIn)
{
    /// <summary>Versions of one resource share storage, as they share an etcd prefix in a real cluster.</summary>
    public string StorageKey => (StorageGroup ?? Group) + "/" + Plural;

    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    public string ListKind => Kind + "List";

    /// <summary>Virtual kinds (reviews) are answered, never stored.</summary>
    public bool Virtual { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>A CRD version's <c>schema.openAPIV3Schema</c> (validation, defaulting, pruning), or null.</summary>
    public System.Text.Json.Nodes.JsonObject? Schema { get; init; }

    /// <summary>The group whose storage this kind shares (events.k8s.io Events are stored as core Events).</summary>
    public string? StorageGroup { get; init; }

    public override string ToString() => Group.Length == 0 ? Plural : Plural + "." + Group;
}
