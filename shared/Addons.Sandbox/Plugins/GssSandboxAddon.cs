using System.Diagnostics;
using Addons.Kit.Testing.GitHub;
using Addons.Kit.Testing.Slack;

namespace Addons.Sandbox.Plugins;

/// <summary>
/// gss: a GitHub Enterprise emulator on the addon's port seeded with the organization <c>demo</c>, and a Slack
/// fake. At start gss publishes once to a Slack canvas (readable at the fake's <c>/canvases/{id}</c>) and once to
/// the console (the runner prints that report); the banner shows both commands for runs on demand.
/// </summary>
internal sealed class GssSandboxAddon : ISandboxAddon, IAsyncDisposable
{
    public const string Organization = "demo";
    public const string GitHubToken = "ghp_sandbox_demo_token";
    public const string SlackToken = "xoxb-sandbox-demo";
    public const string CanvasId = "F0SANDBOX1";
    private const int Repositories = 60;
    private static readonly TimeSpan CanvasRunBound = TimeSpan.FromSeconds(90);

    private GitHubEmulator? _github;
    private SlackFake? _slack;

    public string Name => "gss";

    public bool RunsOnce => true;

    public string? ReadinessPath => null;

    public IEnumerable<string> SeedFiles(SandboxContext context) => [];

    public async Task<ProcessStartInfo?> PrepareAsync(SandboxContext context, CancellationToken cancellationToken)
    {
        var binary = context.AddonBinary(Name);
        if (binary is null)
        {
            return null;
        }

        _github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = GitHubToken, Port = context.PortFor(Name) }, cancellationToken);
        var profile = GitHubOrgGenerator.Populate(_github, Organization, Repositories);
        _slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = SlackToken }, cancellationToken);
        Console.WriteLine($"sandbox: GitHub emulator {_github.BaseUrl} (org {Organization}: {profile.Repositories} repositories, {profile.Scheduled} scheduled workflows), Slack fake {_slack.BaseUrl}");

        // The canvas first, so the Slack fake shows one as soon as the banner is printed.
        var canvas = Start(binary, context, slackCanvas: true);
        var (exit, _) = await JobRun.RunAsync(canvas, Path.Combine(context.StateDirectory, "logs", "gss-canvas.log"), CanvasRunBound, cancellationToken);
        Console.WriteLine($"sandbox: gss published the Slack canvas {CanvasId} (exit {exit})");
        return Start(binary, context, slackCanvas: false);
    }

    public IEnumerable<string> Describe(SandboxContext context)
    {
        if (_github is null || _slack is null)
        {
            yield break;
        }

        var binary = context.ForShell(context.AddonBinary(Name)!);
        yield return $"GitHub Enterprise emulator {_github.BaseUrl} (org {Organization}), Slack fake {_slack.BaseUrl}";
        yield return "run again on demand (console report; then the Slack canvas):";
        yield return $"{Variables(slackCanvas: false)} {binary}";
        yield return $"{Variables(slackCanvas: true)} {binary}";
        yield return $"curl -s {_slack.BaseUrl}/canvases/{CanvasId}     (the canvas the Slack fake received)";
        yield return $"curl -s -H 'Authorization: Bearer {GitHubToken}' '{_github.ApiUrl}/orgs/{Organization}/repos?per_page=5'";
    }

    public async ValueTask DisposeAsync()
    {
        if (_slack is not null)
        {
            await _slack.DisposeAsync();
        }

        if (_github is not null)
        {
            await _github.DisposeAsync();
        }
    }

    private ProcessStartInfo Start(string binary, SandboxContext context, bool slackCanvas)
    {
        var start = new ProcessStartInfo(binary) { WorkingDirectory = context.RepoRoot };
        foreach (var (name, value) in Environment(slackCanvas))
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private string Variables(bool slackCanvas) =>
        string.Join(' ', Environment(slackCanvas).Select(v => $"{v.Name}={v.Value}"));

    private IEnumerable<(string Name, string Value)> Environment(bool slackCanvas)
    {
        yield return ("GITHUB_TOKEN", GitHubToken);
        yield return ("GITHUB_ORG", Organization);
        yield return ("GITHUB_BASE_URL", _github!.BaseUrl);
        yield return ("LOG_LEVEL", "warn");
        if (slackCanvas)
        {
            yield return ("PUBLISHER_TYPE", "slack-canvas");
            yield return ("SLACK_TOKEN", SlackToken);
            yield return ("SLACK_CHANNEL_ID", "C0SANDBOX1");
            yield return ("SLACK_CANVAS_ID", CanvasId);
            yield return ("SLACK_BASE_URL", _slack!.BaseUrl);
        }
    }
}
