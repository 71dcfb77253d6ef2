namespace Addons.Kit.Testing.GitHub;

/// <summary>One workflow run.</summary>
/// <param name="Id">Run id.</param>
/// <param name="Status"><c>completed</c>, <c>in_progress</c>, <c>queued</c>.</param>
/// <param name="Conclusion"><c>success</c>, <c>failure</c>, <c>cancelled</c>, …; null while not completed.</param>
public sealed record GitHubRun(long Id, string Status, string? Conclusion);
