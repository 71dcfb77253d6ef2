using System.Diagnostics;
using System.Text;

namespace Addons.Sandbox;

/// <summary>Runs a run-once addon (a job) to completion: stdout and stderr appended to a log file, stdout also returned.</summary>
internal static class JobRun
{
    /// <summary>Exit code and stdout; a run past <paramref name="bound"/> is killed (exit code -1).</summary>
    public static async Task<(int ExitCode, string Stdout)> RunAsync(ProcessStartInfo start, string logPath, TimeSpan bound, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        await using var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = new StringBuilder();
        var pumps = Task.WhenAll(Pump(process.StandardOutput, log, stdout), Pump(process.StandardError, log, null));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(bound);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await pumps;
            return (-1, stdout.ToString());
        }

        await pumps;
        return (process.ExitCode, stdout.ToString());
    }

    private static async Task Pump(StreamReader reader, StreamWriter log, StringBuilder? into)
    {
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
                into?.AppendLine(line);
            }
        }
    }
}
