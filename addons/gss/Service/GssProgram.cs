using Addons.Gss.Configuration;
using Addons.Kit.Http;
using Addons.Kit.Versioning;

namespace Addons.Gss.Service;

/// <summary>
/// The process's run without the host, for tests and the benchmark: the same settings table
/// (<see cref="GssSettings.Definition"/>: one line and exit 2 before any network call), the same
/// <see cref="ScanRun"/> and exit codes as <c>Program.cs</c>'s kit job, with the report and the logs
/// going to writers the caller owns. The host adds signal handling and the kit's logging.
/// </summary>
internal static class GssProgram
{
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, GssRuntime runtime, CancellationToken ct)
    {
        var parsed = GssSettings.Definition.Parse(args, environment);
        if (parsed.Error is { } error)
        {
            await runtime.Errors.WriteLineAsync(error.Line);
            return error.ExitCode;
        }

        if (parsed.HelpRequested)
        {
            await runtime.Output.WriteAsync(parsed.HelpText.AsMemory(), ct);
            return 0;
        }

        if (parsed.VersionRequested)
        {
            await runtime.Output.WriteLineAsync(BuildInfo.FromEntryAssembly("gss").ToString());
            return 0;
        }

        var level = parsed.Configuration.GetValueOrDefault("Logging:Level") ?? "Information";
        using var loggers = GssLogging.Create(level, runtime.Errors);
        using var outbound = new OutboundHttp(loggers, runtime.Time);
        var run = new ScanRun(parsed.Options, outbound, loggers, runtime.Time, runtime.Output) { RetryBaseDelay = runtime.RetryBaseDelay };
        return (int)await run.RunAsync(ct);
    }
}
