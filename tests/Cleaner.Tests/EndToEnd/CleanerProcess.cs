using System.Diagnostics;
using System.Text;
using Addons.Kit.Testing.Repository;

namespace Addons.Cleaner.Tests.EndToEnd;

/// <summary>
/// Runs the cleaner binary as a real process: the published NativeAOT one when
/// <c>CLEANER_BINARY</c> names it, else the JIT app host the cleaner project's own build wrote
/// (<see cref="AddonBinaries"/>: the copy next to the tests lacks assemblies the ASP.NET Core framework of
/// Addons.Kit.Testing carries).
/// </summary>
internal sealed class CleanerProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Needle, TaskCompletionSource Seen)> _waiters = [];

    private CleanerProcess(System.Diagnostics.Process process) => _process = process;

    public static string BinaryPath =>
        Environment.GetEnvironmentVariable("CLEANER_BINARY") is { Length: > 0 } path ? path : AddonBinaries.AppHost("cleaner", typeof(CleanerProcess).Assembly);

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public int Id => _process.Id;

    public static CleanerProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The test runner's own settings must not leak into the cleaner under test.
        foreach (var name in new[] { "TARGET_PATHS", "USAGE_THRESHOLD_PERCENT", "CHECK_INTERVAL_MINUTES", "INCLUDE_PATTERNS", "EXCLUDE_PATTERNS", "CLEANUP_MODE", "DRY_RUN", "LOG_LEVEL" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = info };
        var result = new CleanerProcess(process);
        process.OutputDataReceived += (_, e) => result.OnLine(result._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => result.OnLine(result._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs to completion and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        using var process = Start(args, environment);
        var code = await process.WaitForExitAsync(timeout);
        return (code, process.StandardOutput, process.StandardError);
    }

    /// <summary>Completes when a line containing <paramref name="needle"/> has been written to stdout.</summary>
    public Task WaitForOutputAsync(string needle)
    {
        lock (_stdout)
        {
            if (_stdout.ToString().Contains(needle, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((needle, seen));
            return seen.Task;
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cleaner did not exit within {timeout}; stdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }

        // Drain the asynchronous readers.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Signal(int signal) => _ = Kill(_process.Id, signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
            if (!ReferenceEquals(buffer, _stdout))
            {
                return;
            }

            foreach (var waiter in _waiters.Where(w => line.Contains(w.Needle, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
