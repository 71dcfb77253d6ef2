using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Addons.Sandbox;

/// <summary>An addon running as a child process, its output appended to a log file under the sandbox's state folder.</summary>
internal sealed partial class AddonProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _pumps;

    private AddonProcess(string name, Process process, StreamWriter log, Task pumps)
    {
        Name = name;
        _process = process;
        _log = log;
        _pumps = pumps;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static AddonProcess Start(string name, ProcessStartInfo start, string logPath)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var pumps = Task.WhenAll(Pump(process.StandardOutput, log), Pump(process.StandardError, log));
        return new AddonProcess(name, process, log, pumps);
    }

    /// <summary>Sends SIGTERM, waits for a graceful exit, and kills the process only past the grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, Sigterm);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        await _pumps;
        await _log.DisposeAsync();
        _process.Dispose();
    }

    public int ExitCode => _process.ExitCode;

    private static async Task Pump(StreamReader reader, StreamWriter log)
    {
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private const int Sigterm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
