namespace Addons.Kit.Testing.Emulator.Rbac;

/// <summary>Who a request is from: a user name and groups, as the authenticator resolves a token.</summary>
internal sealed record Identity(string User, IReadOnlyList<string> Groups)
{
    /// <summary>Requests without a token: the emulator's kubeconfig user, allowed everything (system:masters).</summary>
    public static Identity Admin { get; } = new("system:admin", ["system:masters", "system:authenticated"]);

    public bool IsAdmin => Groups.Contains("system:masters");

    public static Identity ServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", ["system:serviceaccounts", "system:serviceaccounts:" + ns, "system:authenticated"]);
}
