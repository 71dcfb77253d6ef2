namespace Addons.Footprint;

/// <summary>
/// One row of the harness's addon table: how to build, start and load an addon.
/// Placeholders in <see cref="Args"/>, <see cref="Environment"/> and the YAML templates:
/// <c>{port}</c> (health port), <c>{kubeconfig}</c>, <c>{namespace}</c>, <c>{lease}</c>,
/// <c>{workdir}</c> (a scratch directory), <c>{freeport}</c> (another free port, e.g. a web server's), and in <see cref="BurstTemplate"/> <c>{i}</c> (object index).
/// </summary>
/// <param name="Name">Display name (and image tag).</param>
/// <param name="Project">csproj path relative to the repository root.</param>
/// <param name="Binary">AssemblyName of the project (the AOT binary and the JIT dll name).</param>
/// <param name="Args">Command-line arguments for a long-running start.</param>
/// <param name="Environment">Extra environment variables.</param>
/// <param name="UsesApi">Whether it talks to Kubernetes (then the emulator, watch, lease and failover apply).</param>
/// <param name="SetupYaml">Objects to apply before start (CRDs, seed objects); empty for none.</param>
/// <param name="BurstTemplate">One object of the watched kind; applied 1,000 times for the burst (null: no burst).</param>
/// <param name="InFlightTemplate">Object whose change starts a reconcile before SIGTERM (null: plain SIGTERM).</param>
internal sealed record AddonSpec(
    string Name,
    string Project,
    string Binary,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    bool UsesApi,
    string SetupYaml,
    string? BurstTemplate,
    string? InFlightTemplate)
{
    /// <summary>Set for a run-once addon: run to completion against <see cref="Addons.Kit.Testing.Repository.FootprintJob.World"/>.</summary>
    public Addons.Kit.Testing.Repository.FootprintJob? Job { get; init; }
}
