namespace Addons.Gss.Scanning;

/// <summary>The result of one scan, what every publisher renders.</summary>
internal sealed record ScanReport
{
    public required string Organization { get; init; }

    /// <summary>The IANA id of the local-time column, e.g. <c>Asia/Seoul</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Scheduled workflows, ordered by repository then workflow name.</summary>
    public required IReadOnlyList<ScheduledWorkflow> Workflows { get; init; }

    /// <summary>Repositories that could not be scanned, ordered by name.</summary>
    public required IReadOnlyList<RepositoryFailure> Failures { get; init; }

    /// <summary>Repositories the organization lists (archived included).</summary>
    public required int RepositoriesTotal { get; init; }

    /// <summary>Repositories skipped because the exclude list names them.</summary>
    public required int Excluded { get; init; }

    /// <summary>Archived repositories skipped.</summary>
    public required int ArchivedSkipped { get; init; }

    /// <summary>Repositories scanned (failed ones included).</summary>
    public required int Scanned { get; init; }

    /// <summary>Repositories in which at least one scheduled workflow was found.</summary>
    public int RepositoriesWithSchedules => Workflows.Select(w => w.Repository).Distinct(StringComparer.Ordinal).Count();

    public required TimeSpan Duration { get; init; }

    public required string Version { get; init; }

    public required string Commit { get; init; }

    public required string BuildDate { get; init; }

    /// <summary>When the scan finished (UTC).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary><c>18.5s</c>.</summary>
    public string DurationText => Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
