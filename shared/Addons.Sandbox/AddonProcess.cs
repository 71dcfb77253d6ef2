using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Addons.Sandbox;

/// <summary>An addon running as a child process, its output appended to a log file under the sandbox's state folder.</summary>
internal sealed partial class AddonProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private const string Setsid = "/usr/bin/setsid";
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _pumps;

    private AddonProcess(string name, string logPath, Process process, StreamWriter log, Task pumps)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
        _log = log;
        _pumps = pumps;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static AddonProcess Start(string name, ProcessStartInfo start, string logPath)
    {
        if (File.Exists(Setsid))
        {
            // A session of its own: Ctrl+C in the terminal signals the sandbox's process group, and an addon in
            // that group would get SIGINT and then the sandbox's SIGTERM — a second signal, which the kit treats as
            // "exit now" (143). setsid execs in place (same pid), so the sandbox alone stops it, gracefully.
            start.ArgumentList.Insert(0, start.FileName);
            start.FileName = Setsid;
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var pumps = Task.WhenAll(Pump(process.StandardOutput, log), Pump(process.StandardError, log));
        return new AddonProcess(name, logPath, process, log, pumps);
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
        _exitCode = _process.ExitCode;
        _process.Dispose();
    }

    private int? _exitCode;

    /// <summary>The exit code, also after the process object has been disposed.</summary>
    public int ExitCode => _exitCode ?? _process.ExitCode;

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
