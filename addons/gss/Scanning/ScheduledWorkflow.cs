using Addons.Gss.Schedules;

namespace Addons.Gss.Scanning;

/// <summary>One scheduled workflow in the report.</summary>
/// <param name="Repository">Repository name.</param>
/// <param name="Name">Workflow name.</param>
/// <param name="Id">Workflow id.</param>
/// <param name="Path">File path.</param>
/// <param name="UtcCrons">The crons as written (UTC).</param>
/// <param name="LocalCrons">The crons in the report's zone.</param>
/// <param name="LastStatus">The latest run's conclusion, or <c>never_run</c> (none, or still running).</param>
/// <param name="LastAuthor">Login of the last commit's author, or <c>Unknown</c> when no account is linked.</param>
/// <param name="AuthorActive">Whether that account exists; null for <c>Unknown</c>.</param>
/// <param name="HtmlUrl">The workflow's web page.</param>
internal sealed record ScheduledWorkflow(
    string Repository,
    string Name,
    long Id,
    string Path,
    IReadOnlyList<string> UtcCrons,
    IReadOnlyList<LocalCron> LocalCrons,
    string LastStatus,
    string LastAuthor,
    bool? AuthorActive,
    string HtmlUrl)
{
    public const string NeverRun = "never_run";
    public const string UnknownAuthor = "Unknown";
}
