using Addons.Kit.Testing.Emulator.Selectors;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>The filters and paging of a list or watch request.</summary>
internal sealed record ListQuery(string? Namespace, LabelSelector Labels, FieldSelector Fields, int Limit = 0, string? Continue = null)
{
    public static ListQuery All(string? ns = null) => new(ns, LabelSelector.Everything, FieldSelector.Everything);

    /// <summary>How the requested kind shows a stored object (field selectors apply to that shape), or null for as stored.</summary>
    public Func<System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonObject>? View { get; init; }

    public bool Matches(System.Text.Json.Nodes.JsonObject obj) =>
        Labels.Matches(Json.Meta.Labels(obj)) && (Fields == FieldSelector.Everything || Fields.Matches(View is null ? obj : View(obj)));
}
