namespace Addons.Kit.Testing.Repository;

/// <summary>
/// How the sandbox runs an addon. <see cref="Plugin"/> true: the sandbox has a code plug-in of that name
/// (demo data of its own); else the sandbox starts <see cref="Args"/> with <c>KUBECONFIG</c> set and seeds
/// the chart's <c>crds/</c>. Placeholders: <c>{port}</c> (a free loopback port for the kit's listener),
/// <c>{kubeconfig}</c>, <c>{state}</c> (the sandbox's state folder).
/// </summary>
public sealed record SandboxEntry(bool Plugin, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Environment);
