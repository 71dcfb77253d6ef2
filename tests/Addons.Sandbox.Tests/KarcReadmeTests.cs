using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using static Addons.Sandbox.Tests.SandboxProcessTests;

namespace Addons.Sandbox.Tests;

/// <summary>
/// The examples in addons/karc/README.md, run as written against a fresh sandbox (karc controller included): every
/// <c>$ karc …</c> line of its console block exits 0 and prints what the README shows (cells in the time-dependent
/// STATE, HOLDING and NEXT columns excepted), and its ConsolidationFreeze YAML applies with kubectl.
/// </summary>
public sealed partial class KarcReadmeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);
    private static readonly HashSet<string> TimeDependent = new(StringComparer.Ordinal) { "STATE", "HOLDING", "NEXT" };
    private readonly string _state = Directory.CreateTempSubdirectory("sandbox-readme-").FullName;

    [Fact]
    public async Task KarcReadme_FreshSandbox_ExamplesWorkAsWritten()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "addons", "karc", "README.md"), timeout.Token);
        var karc = Path.Combine(RepoRoot(), "addons", "karc", "bin", RepoLayout.Configuration, "net10.0", "karc");
        Assert.True(File.Exists(karc), $"{karc} is not built: dotnet build Addons.sln");
        var kubeconfig = Path.Combine(_state, "kubeconfig");
        await using var sandbox = await RunningSandboxAsync(timeout.Token, "--port", FreeBase(21000).ToString(CultureInfo.InvariantCulture), "--state-dir", _state);
        // The seeded freeze that is active now has paused its NodePool: the state the README shows.
        await WaitForAsync(async () => (await RunKubectlAsync(kubeconfig, timeout.Token, "get", "nodepool", "batch", "-o", "jsonpath={.metadata.annotations}")).Contains("maintenance-now", StringComparison.Ordinal), timeout.Token);

        var commands = ConsoleExamples(readme);
        Assert.NotEmpty(commands);
        foreach (var (command, comment, expected) in commands)
        {
            var (exitCode, output) = await RunKarcAsync(karc, command, comment, kubeconfig, timeout.Token);
            Assert.True(exitCode == 0, $"karc {command} exited {exitCode}:\n{output}");
            if (comment?.StartsWith("on a terminal: ", StringComparison.Ordinal) == true)
            {
                Assert.Contains(comment["on a terminal: ".Length..].Trim('"'), output, StringComparison.Ordinal);
            }

            if (expected.Count > 0)
            {
                AssertTable(command, expected, output.Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).ToList());
            }
        }

        var freezes = FreezeExample(readme);
        var apply = await RunKubectlRawWithInputAsync(kubeconfig, freezes, timeout.Token);
        Assert.True(apply.ExitCode == 0, $"kubectl apply of the README's ConsolidationFreeze example failed: {apply.Stderr}");
        var (_, status) = await RunKarcAsync(karc, "status", null, kubeconfig, timeout.Token);
        foreach (Match name in NameInYaml().Matches(freezes))
        {
            Assert.Contains(name.Groups[1].Value, status, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    /// <summary>The <c>$ karc …</c> lines of the README's console block, each with its comment and the output lines shown after it.</summary>
    private static List<(string Command, string? Comment, List<string> Expected)> ConsoleExamples(string readme)
    {
        var block = Regex.Match(readme, "```console\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var commands = new List<(string, string?, List<string>)>();
        foreach (var line in block.Split('\n'))
        {
            if (line.StartsWith("$ karc ", StringComparison.Ordinal))
            {
                var hash = line.IndexOf(" #", StringComparison.Ordinal);
                commands.Add((hash < 0 ? line[7..].Trim() : line[7..hash].Trim(), hash < 0 ? null : line[(hash + 2)..].Trim(), []));
            }
            else if (line.Trim().Length > 0 && commands.Count > 0)
            {
                commands[^1].Item3.Add(line.TrimEnd());
            }
        }

        return commands;
    }

    /// <summary>The README's ConsolidationFreeze YAML example.</summary>
    private static string FreezeExample(string readme) =>
        Regex.Match(readme, "```yaml\n(apiVersion: karc.io/v1alpha1.*?)```", RegexOptions.Singleline).Groups[1].Value;

    /// <summary>Line by line, cell by cell (cells are separated by two or more spaces); cells under a time-dependent header match anything.</summary>
    private static void AssertTable(string command, List<string> expected, List<string> actual)
    {
        var message = $"karc {command} printed:\n{string.Join('\n', actual)}\n\nthe README shows:\n{string.Join('\n', expected)}";
        Assert.True(expected.Count == actual.Count, message);
        string[] header = [];
        for (var i = 0; i < expected.Count; i++)
        {
            var want = Cells(expected[i]);
            var got = Cells(actual[i]);
            if (!expected[i].StartsWith(' ') && want.Length > 1 && want.All(c => c == c.ToUpperInvariant() && c.Any(char.IsLetter)))
            {
                header = want;
            }

            Assert.True(want.Length == got.Length, $"line {i + 1}: {expected[i]} | {actual[i]}\n{message}");
            for (var c = 0; c < want.Length; c++)
            {
                var timeDependent = c < header.Length && TimeDependent.Contains(header[c]) && want.Length == header.Length;
                Assert.True(timeDependent || want[c] == got[c], $"line {i + 1}, cell {c + 1}: README '{want[c]}', karc '{got[c]}'\n{message}");
            }
        }
    }

    private static string[] Cells(string line) => CellGap().Split(line.Trim());

    private static async Task<(int ExitCode, string Output)> RunKarcAsync(string karc, string command, string? comment, string kubeconfig, CancellationToken cancellationToken)
    {
        // A command the README runs "on a terminal" gets one, through script(1) from util-linux, and answers the prompt "y".
        var terminal = comment?.StartsWith("on a terminal", StringComparison.Ordinal) == true;
        var start = terminal
            ? new ProcessStartInfo("script", ["-qec", $"{karc} {command}", "/dev/null"])
            : new ProcessStartInfo(karc, command.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.WorkingDirectory = RepoRoot();
        start.Environment["KUBECONFIG"] = kubeconfig;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteLineAsync(terminal ? "y" : "");
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<(int ExitCode, string Stderr)> RunKubectlRawWithInputAsync(string kubeconfig, string yaml, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Addons.Kit.Testing.KubeTools.Kubectl, ["apply", "-f", "-"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KUBECONFIG"] = kubeconfig;
        using var kubectl = Process.Start(start)!;
        var stdout = kubectl.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = kubectl.StandardError.ReadToEndAsync(cancellationToken);
        await kubectl.StandardInput.WriteAsync(yaml);
        kubectl.StandardInput.Close();
        await kubectl.WaitForExitAsync(cancellationToken);
        _ = await stdout;
        return (kubectl.ExitCode, await stderr);
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex CellGap();

    [GeneratedRegex(@"metadata: \{name: ([a-z0-9-]+)\}")]
    private static partial Regex NameInYaml();
}
