namespace Addons.Kit.Testing.Repository;

/// <summary>
/// How the footprint harness starts and loads an addon. Placeholders in <see cref="Args"/>,
/// <see cref="Environment"/> and the YAML files: <c>{port}</c>, <c>{kubeconfig}</c>, <c>{namespace}</c>,
/// <c>{lease}</c>, <c>{workdir}</c>, and in <see cref="Burst"/> <c>{i}</c> (object index).
/// </summary>
/// <param name="Args">Command-line arguments for a long-running start.</param>
/// <param name="KitEnvironment">Whether the harness adds the kit's settings (kubeconfig, health port, leader election).</param>
/// <param name="Environment">Extra environment variables.</param>
/// <param name="UsesApi">Whether it talks to Kubernetes (then the emulator, watch, lease and failover apply).</param>
/// <param name="Setup">YAML files or folders applied before start (CRDs first, then objects).</param>
/// <param name="Burst">A YAML file with one object of the watched kind, applied 1,000 times; null: no burst.</param>
/// <param name="InFlight">A YAML file whose object starts a reconcile before SIGTERM; null: plain SIGTERM.</param>
public sealed record FootprintEntry(
    IReadOnlyList<string> Args,
    bool KitEnvironment,
    IReadOnlyDictionary<string, string> Environment,
    bool UsesApi,
    IReadOnlyList<string> Setup,
    string? Burst,
    string? InFlight)
{
    /// <summary>Set for a run-once addon: measured as a job (wall time, peak RSS) instead of a long-running host.</summary>
    public FootprintJob? Job { get; init; }
}
