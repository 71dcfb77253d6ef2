using System.Globalization;

namespace Addons.Kit.Testing.GitHub;

/// <summary>
/// Seeds an organization with a realistic, deterministic mix of repositories: some archived, some
/// without workflows, push-only and pull-request workflows (<c>on</c> as a string, a list or a map),
/// scheduled workflows with one to three crons (ranges, lists, steps, day names), broken YAML,
/// never-run and in-progress workflows, authors without a linked account and deleted authors.
/// 900 repositories give ≈ 3,000 workflows of which ≈ 400 scheduled.
/// </summary>
public static class GitHubOrgGenerator
{
    private static readonly string[] Crons =
    [
        "0 9 * * *", "0 0 * * *", "30 14 * * 1", "0 20 * * 5", "0 0,12 * * *", "0 9-17 * * 1-5",
        "*/15 * * * *", "0 */6 * * *", "15 3 * * MON", "45 23 * * 0", "5 4 1 * *",
    ];

    private static readonly string[] ScheduledNames =
    [
        "Nightly build", "Dependency audit", "Stale issues", "야간 배치 작업", "Weekly report", "Cache warm-up",
        "데이터 동기화 및 정리", "Security scan", "Docs publish",
    ];

    private static readonly string[] OtherNames = ["CI", "Lint", "Release", "Deploy", "PR checks", "Build image", "Test"];

    /// <summary>Adds <paramref name="repositories"/> repositories (and their authors) to <paramref name="org"/> on <paramref name="emulator"/>.</summary>
    public static GitHubOrgProfile Populate(GitHubEmulator emulator, string org, int repositories, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var random = new Random(seed);
        var organization = emulator.AddOrganization(org);
        for (var u = 1; u <= 40; u++)
        {
            emulator.AddUser(User(u));
        }

        int archived = 0, without = 0, workflows = 0, scheduled = 0, broken = 0;
        long nextWorkflow = 1000, nextRun = 500_000;
        for (var i = 1; i <= repositories; i++)
        {
            var repo = new GitHubRepository(100_000 + i, "service-" + i.ToString("D4", CultureInfo.InvariantCulture));
            organization.Repositories.Add(repo);
            repo.Archived = random.NextDouble() < 0.03;
            archived += repo.Archived ? 1 : 0;
            if (random.NextDouble() < 0.12)
            {
                without++;
                continue;
            }

            var count = random.Next(1, 8);
            for (var w = 0; w < count; w++)
            {
                var kind = random.NextDouble();
                GitHubWorkflowFile workflow;
                var id = nextWorkflow++;
                if (kind < 0.14)
                {
                    var name = ScheduledNames[random.Next(ScheduledNames.Length)];
                    var crons = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Crons[random.Next(Crons.Length)]).Distinct();
                    workflow = new GitHubWorkflowFile(id, name, $".github/workflows/scheduled-{w}.yml", ScheduledYaml(name, crons));
                    scheduled += repo.Archived ? 0 : 1;
                }
                else if (kind < 0.16)
                {
                    workflow = new GitHubWorkflowFile(id, "Broken", $".github/workflows/broken-{w}.yml", "name: Broken\non:\n  schedule:\n    - cron: '0 1 * * *'\n   bad indent: [\n");
                    broken++;
                }
                else
                {
                    var name = OtherNames[random.Next(OtherNames.Length)];
                    workflow = new GitHubWorkflowFile(id, name, $".github/workflows/{name.ToLowerInvariant().Replace(' ', '-')}-{w}.yml", OtherYaml(name, random.Next(3)));
                }

                workflow.LastAuthor = Author(random);
                AddRuns(workflow, random, ref nextRun);
                repo.Workflows.Add(workflow);
                workflows++;
            }
        }

        return new GitHubOrgProfile(repositories, archived, without, workflows, scheduled, broken);
    }

    /// <summary>The YAML of a scheduled workflow with these crons.</summary>
    public static string ScheduledYaml(string name, IEnumerable<string> crons) =>
        $"name: {name}\non:\n  workflow_dispatch: {{}}\n  schedule:\n" +
        string.Concat(crons.Select(c => $"    - cron: '{c}'\n")) +
        "jobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n";

    private static string OtherYaml(string name, int shape) => shape switch
    {
        0 => $"name: {name}\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
        1 => $"name: {name}\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
        _ => $"name: {name}\non:\n  push:\n    branches: [main]\n  pull_request: {{}}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n",
    };

    private static string? Author(Random random)
    {
        var roll = random.NextDouble();
        return roll < 0.10 ? null
            : roll < 0.25 ? "former-" + random.Next(1, 20).ToString("D2", CultureInfo.InvariantCulture)
            : User(random.Next(1, 41));
    }

    private static void AddRuns(GitHubWorkflowFile workflow, Random random, ref long nextRun)
    {
        var roll = random.NextDouble();
        if (roll < 0.15)
        {
            return;
        }

        if (roll < 0.20)
        {
            workflow.Runs.Add(new GitHubRun(nextRun++, "in_progress", null));
            return;
        }

        var conclusion = random.NextDouble() switch { < 0.7 => "success", < 0.9 => "failure", _ => "cancelled" };
        workflow.Runs.Add(new GitHubRun(nextRun++, "completed", conclusion));
        workflow.Runs.Add(new GitHubRun(nextRun++, "completed", "success"));
    }

    private static string User(int n) => "dev-" + n.ToString("D2", CultureInfo.InvariantCulture);
}
