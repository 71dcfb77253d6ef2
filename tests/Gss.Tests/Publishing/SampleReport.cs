using Addons.Gss.Scanning;
using Addons.Gss.Schedules;

namespace Addons.Gss.Tests.Publishing;

/// <summary>A fixed report for golden files: wide (Korean) names, every status, Unknown and inactive authors, a failure.</summary>
internal static class SampleReport
{
    public static ScanReport Create(bool withFailure = true)
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var at = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
        ScheduledWorkflow W(string repo, string name, string status, string author, bool? active, params string[] crons) =>
            new(repo, name, name.Length, $".github/workflows/{repo}.yml", crons, crons.Select(c => CronLocalizer.ToZone(c, seoul, at)).ToList(),
                status, author, active, $"https://ghe.example.com/acme/{repo}/actions/workflows/{repo}.yml");

        return new ScanReport
        {
            Organization = "acme",
            TimeZone = "Asia/Seoul",
            Workflows =
            [
                W("billing-api", "Nightly build", "success", "alice", true, "0 9 * * *"),
                W("data-pipeline", "야간 배치 작업 및 데이터 동기화 정리", "failure", "김철수-개발자-계정", false, "0 20 * * 5", "0 9-17 * * *"),
                W("docs", "Publish docs", "cancelled", "bob", true, "*/15 * * * *"),
                W("infra-very-long-repository-name-for-truncation", "Weekly report", "never_run", "Unknown", null, "30 14 * * MON"),
                W("web", "Cache warm-up 🚀", "action_required", "carol", true, "0 0,12 * * *"),
            ],
            Failures = withFailure ? [new RepositoryFailure("legacy", "GET /api/v3/repos/acme/legacy/actions/workflows?per_page=100: 500 Injected fault (after 3 retries)")] : [],
            RepositoriesTotal = 12,
            Excluded = 2,
            ArchivedSkipped = 1,
            Scanned = 9,
            Duration = TimeSpan.FromSeconds(3.24),
            Version = "0.1.7",
            Commit = "abcdef0123",
            BuildDate = "2026-12-01",
            GeneratedAt = at,
        };
    }
}
