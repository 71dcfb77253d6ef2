using System.Diagnostics;

namespace Addons.Kit.Testing;

/// <summary>
/// Runs a short-lived external command (helm, kubectl, node, dotnet) to completion: arguments passed
/// verbatim, optional stdin, extra environment and working directory, bounded by a timeout. The one
/// process runner of the tests, the chart checks and the footprint harness.
/// </summary>
public static class ToolProcess
{
    /// <summary>The default bound of one command.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="file"/>; throws <see cref="TimeoutException"/> (after killing the process tree)
    /// when it outlives <paramref name="timeout"/>, and <see cref="OperationCanceledException"/> on cancellation.
    /// </summary>
    public static async Task<ToolResult> RunAsync(
        string file,
        IEnumerable<string> args,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var bound = timeout ?? DefaultTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(bound);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), cts.Token).ConfigureAwait(false);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', info.ArgumentList)} did not finish within {bound}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
