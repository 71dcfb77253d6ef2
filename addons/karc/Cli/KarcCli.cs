using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;
using Addons.Karc.Schedules;
using Addons.Karc.Status;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Kubernetes.Discovery;
using Addons.Kit.Settings;
using Addons.Kit.Shutdown;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.Cli;

/// <summary>
/// Runs one karc command line and maps every outcome to an exit code: 0 success (also a declined
/// prompt), 1 runtime or API error, 2 usage or validation error, 130 interrupted (SIGINT/SIGTERM). Errors are one line
/// on stderr. Flags are the kit's settings front-end (<see cref="KarcSettings"/>); <c>controller</c> runs the addon host.
/// </summary>
internal static class KarcCli
{
    /// <summary>A CLI command stopped by SIGINT or SIGTERM before it finished (the controller exits 0 instead: a stop
    /// is its normal end).</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliRuntime runtime, CancellationToken cancellationToken)
    {
        var console = runtime.Console;
        var settings = KarcSettings.Definition.Parse(args, console.Environment);
        if (settings.Error is { } error)
        {
            await console.Error.WriteLineAsync(error.Line.AsMemory(), cancellationToken);
            return error.ExitCode;
        }

        if (settings.HelpRequested)
        {
            await console.Out.WriteAsync(settings.HelpText.AsMemory(), cancellationToken);
            return ExitCodes.Clean;
        }

        if (settings.VersionRequested)
        {
            await console.Out.WriteLineAsync($"karc {ThisAssembly.AssemblyInformationalVersion}".AsMemory(), cancellationToken);
            return ExitCodes.Clean;
        }

        var options = settings.Options;
        KarcCommand command;
        TimeZoneInfo zone;
        try
        {
            command = KarcCommand.Parse(settings.Arguments);

            // Validated before any API call, so a typo never half-runs a command.
            zone = TimeZones.LocalOrUtc();
            if (options.TimeZone is not null && !TimeZones.TryResolve(options.TimeZone, out zone))
            {
                throw new CliUsageException($"Invalid timezone: {options.TimeZone}");
            }
        }
        catch (CliUsageException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message} (see karc --help)".AsMemory(), cancellationToken);
            return ExitCodes.Configuration;
        }

        if (command.Verb == "controller")
        {
            try
            {
                return await Freezes.ControllerHost.RunAsync(settings, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped before the host was running (a SIGTERM right after start): nothing to undo.
                return ExitCodes.Clean;
            }
        }

        var level = CliLogLevel(settings);
        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(level)
            .AddProvider(new StderrLoggerProvider(console.Error, level)));
        try
        {
            var connection = runtime.Connect(Setting(settings, "Kubernetes:Kubeconfig"), Setting(settings, "Kubernetes:Context"));
            using var kube = new KubeApi(connection, loggerFactory: loggerFactory, timeProvider: runtime.Time);
            var pools = new NodePoolApi(kube, new ApiDiscovery(kube));
            return command.Verb switch
            {
                "status" => await new StatusCommand(kube, pools, console, loggerFactory.CreateLogger<StatusCommand>(), runtime.Time)
                    .RunAsync(command.Target, options.Output, zone, connection.ContextName ?? connection.Description, cancellationToken),
                _ => await new PauseResumeCommand(pools, console, loggerFactory.CreateLogger<PauseResumeCommand>()) { BeforeWrite = runtime.BeforeWrite }
                    .RunAsync(command.Verb == "pause", command.Target!, options.DryRun, options.Yes, cancellationToken),
            };
        }
        catch (Exception e) when (e is CliUsageException or KubeConfigException)
        {
            // A missing confirmation or an unknown context is the command line's fault: exit 2.
            await console.Error.WriteLineAsync($"error: {e.Message}".AsMemory(), cancellationToken);
            return ExitCodes.Configuration;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("error: interrupted".AsMemory(), CancellationToken.None);
            return Interrupted;
        }
        catch (Exception e) when (e is KarcException or KarpenterNotServedException or KubeApiException or KubeResponseException
            or KubeCredentialException or HttpRequestException or TimeoutException)
        {
            await console.Error.WriteLineAsync($"error: {Describe(e)}".AsMemory(), cancellationToken);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The CLI's log level: <c>--log-level</c> / <c>KARC_LOG_LEVEL</c> (stored under the kit's Serilog names), else warn.</summary>
    internal static LogLevel CliLogLevel(ParsedSettings settings) => (Setting(settings, "Logging:Level") ?? KarcSettings.CliLogLevel) switch
    {
        "Verbose" => LogLevel.Trace,
        "Debug" => LogLevel.Debug,
        "Information" => LogLevel.Information,
        "Warning" => LogLevel.Warning,
        "Error" => LogLevel.Error,
        "Fatal" => LogLevel.Critical,
        _ => LogLevel.None,
    };

    private static string? Setting(ParsedSettings settings, string key) => settings.Configuration.GetValueOrDefault(key);

    /// <summary>The one line printed for a failure. Server text is already redacted by the kit
    /// (<see cref="KubeApiException.StatusMessage"/>); line breaks are flattened so it stays one line.</summary>
    internal static string Describe(Exception e) => (e switch
    {
        KubeApiException { IsForbidden: true } k =>
            $"permission denied: cannot {k.Verb} {k.Resource}{(k.Name is null ? "" : $" '{k.Name}'")} — grant '{k.Verb}' on '{k.Resource}' to this identity ({k.StatusMessage})",
        KubeApiException k => k.Message,
        HttpRequestException h => $"cannot reach the Kubernetes API: {h.Message}",
        _ => e.Message,
    }).ReplaceLineEndings(" ");
}
