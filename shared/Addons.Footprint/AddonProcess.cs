using System.Diagnostics;
using System.Globalization;

namespace Addons.Footprint;

/// <summary>
/// One running addon process: started with its arguments and environment, output appended to a log
/// file, memory read from /proc, stopped with SIGTERM.
/// </summary>
internal sealed class AddonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AddonProcess(Process process, StreamWriter log, long startTimestamp)
    {
        _process = process;
        _log = log;
        StartTimestamp = startTimestamp;
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> taken just before the process was started.</summary>
    public long StartTimestamp { get; }

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit code (only after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="executable"/> (a JIT build runs through its app host) with output to <paramref name="logPath"/>.</summary>
    public static AddonProcess Start(string executable, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(executable)!,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        // The JIT app host needs to find the runtime the harness runs on.
        psi.Environment["DOTNET_ROOT"] = ImageBuilder.DotnetRoot();
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        var start = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AddonProcess(process, log, start);
    }

    /// <summary>Resident set size now (VmRSS), in bytes; null once the process is gone.</summary>
    public long? ReadRss() => ReadStatus("VmRSS:");

    /// <summary>Peak resident set size since start (VmHWM), in bytes.</summary>
    public long? ReadPeakRss() => ReadStatus("VmHWM:");

    /// <summary>Sends SIGTERM.</summary>
    public void Terminate() => Native.Signal(_process.Id, Native.SigTerm);

    /// <summary>Waits for exit up to <paramref name="timeout"/>; true when it exited.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private long? ReadStatus(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read: no value, not an error.
            return null;
        }

        return null;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }
}
