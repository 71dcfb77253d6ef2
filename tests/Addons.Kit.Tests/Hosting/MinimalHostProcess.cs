using System.Diagnostics;
using System.Threading.Channels;
using Addons.Kit.Testing;

namespace Addons.Kit.Tests.Hosting;

/// <summary>Runs the kit's minimal host (<c>minimal-host.dll</c>, copied next to the tests) as a child process.</summary>
internal sealed class MinimalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _stdout = Channel.CreateUnbounded<string>();
    private readonly List<string> _stdoutLines = [];
    private readonly List<string> _stderrLines = [];

    private MinimalHostProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public IReadOnlyList<string> StdoutLines
    {
        get
        {
            lock (_stdoutLines)
            {
                return [.. _stdoutLines];
            }
        }
    }

    public IReadOnlyList<string> StderrLines
    {
        get
        {
            lock (_stderrLines)
            {
                return [.. _stderrLines];
            }
        }
    }

    public static MinimalHostProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the host with extra environment variables.</summary>
    public static MinimalHostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // The test's own runtimeconfig and deps: the emulator's ASP.NET Core framework carries some of the
        // Microsoft.Extensions assemblies, so they are not copied next to minimal-host.dll.
        var dir = AppContext.BaseDirectory;
        foreach (var arg in (string[])["exec", "--runtimeconfig", Path.Combine(dir, "Addons.Kit.Tests.runtimeconfig.json"),
                     "--depsfile", Path.Combine(dir, "Addons.Kit.Tests.deps.json"), Path.Combine(dir, "minimal-host.dll")])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new MinimalHostProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                host._stdout.Writer.TryComplete();
                return;
            }

            lock (host._stdoutLines)
            {
                host._stdoutLines.Add(e.Data);
            }

            host._stdout.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (host._stderrLines)
                {
                    host._stderrLines.Add(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for a stdout line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var line in _stdout.Reader.ReadAllAsync(cts.Token))
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below with the output so far.
        }

        throw new TimeoutException($"no line with '{text}' within {timeout}; output:\n{string.Join('\n', StdoutLines)}\n{string.Join('\n', StderrLines)}");
    }

    /// <summary>Sends a real signal with the system's <c>kill</c>.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the exit and returns the exit code; the output is fully read by then.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
