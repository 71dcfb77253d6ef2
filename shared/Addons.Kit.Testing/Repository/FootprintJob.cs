namespace Addons.Kit.Testing.Repository;

/// <summary>
/// A run-once addon (a CronJob) in the footprint harness: instead of readiness, idle memory and SIGTERM,
/// the harness runs it to completion against an emulated outside world and reports wall time and peak RSS.
/// </summary>
/// <param name="World">The emulated world: <c>github-org</c> (the GitHub Enterprise emulator with a generated
/// organization; placeholders <c>{github}</c>, <c>{org}</c>, <c>{token}</c>).</param>
/// <param name="Repos">Repositories of the generated organization.</param>
/// <param name="LatencyMs">Latency the emulator adds to every request.</param>
public sealed record FootprintJob(string World, int Repos, int LatencyMs)
{
    /// <summary>The worlds the harness knows.</summary>
    public static readonly IReadOnlyList<string> Worlds = ["github-org"];
}
