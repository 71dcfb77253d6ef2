using Addons.Gss.Service;
using Addons.Kit.Testing.GitHub;

namespace Addons.Gss.Tests.Service;

/// <summary>Runs gss in-process against a GitHub emulator with a given environment; captures stdout and stderr.</summary>
internal static class GssRun
{
    public const string Token = "ghp_test_token_never_logged";

    public static Dictionary<string, string> Environment(GitHubEmulator github, string org = "acme") => new()
    {
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_ORG"] = org,
        ["GITHUB_BASE_URL"] = github.BaseUrl,
        ["CONNECTIVITY_RETRY_INTERVAL"] = "0",
        ["REQUEST_TIMEOUT"] = "10",
        ["EXCLUDE_FILE"] = "",
    };

    public static async Task<Result> RunAsync(Dictionary<string, string> environment, CancellationToken ct, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await GssProgram.RunAsync(args, name => environment.GetValueOrDefault(name),
            new GssRuntime { Output = output, Errors = errors, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }, ct);
        return new Result(exit, output.ToString(), errors.ToString());
    }

    internal sealed record Result(int ExitCode, string Output, string Errors);
}
