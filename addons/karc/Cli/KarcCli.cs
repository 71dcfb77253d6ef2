using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;
using Addons.Karc.Schedules;
using Addons.Karc.Status;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.Cli;

/// <summary>
/// Runs one karc command line and maps every outcome to an exit code: 0 success (also a declined
/// prompt), 1 runtime or API error, 2 usage or validation error, 130 interrupted (SIGINT/SIGTERM). Errors are one line
/// on stderr.
/// </summary>
internal static class KarcCli
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliRuntime runtime, CancellationToken cancellationToken)
    {
        var console = runtime.Console;
        CliOptions options;
        TimeZoneInfo zone;
        try
        {
            options = CliParser.Parse(args, console.Environment);
            if (options.ShowHelp)
            {
                await console.Out.WriteLineAsync(CliParser.Usage.AsMemory(), cancellationToken);
                return ExitCodes.Success;
            }

            if (options.ShowVersion)
            {
                await console.Out.WriteLineAsync($"karc {ThisAssembly.AssemblyInformationalVersion}".AsMemory(), cancellationToken);
                return ExitCodes.Success;
            }

            // Validated before any API call, so a typo never half-runs a command.
            zone = TimeZones.LocalOrUtc();
            if (options.TimeZone is not null && !TimeZones.TryResolve(options.TimeZone, out zone))
            {
                throw new CliUsageException($"Invalid timezone: {options.TimeZone}");
            }
        }
        catch (CliUsageException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}\nRun 'karc --help' for usage.".AsMemory(), cancellationToken);
            return ExitCodes.Usage;
        }

        if (options.Verb == "controller")
        {
            try
            {
                return await Freezes.ControllerHost.RunAsync(options, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped before the host was running (a SIGTERM right after start): nothing to undo.
                return ExitCodes.Success;
            }
        }

        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(options.LogLevel)
            .AddProvider(new StderrLoggerProvider(console.Error, options.LogLevel)));
        try
        {
            var connection = runtime.Connect(options.Context);
            using var kube = new KubeApi(connection, loggerFactory: loggerFactory, timeProvider: runtime.Time);
            var pools = new NodePoolApi(kube);
            return options.Verb switch
            {
                "status" => await new StatusCommand(kube, pools, console, loggerFactory.CreateLogger<StatusCommand>(), runtime.Time)
                    .RunAsync(options.Target, options.Output, zone, ContextName(connection, options.Context), cancellationToken),
                _ => await new PauseResumeCommand(pools, console, loggerFactory.CreateLogger<PauseResumeCommand>()) { BeforeWrite = runtime.BeforeWrite }
                    .RunAsync(options.Verb == "pause", options.Target!, options.DryRun, options.Yes, cancellationToken),
            };
        }
        catch (Exception e) when (e is CliUsageException or KubeConfigException)
        {
            // A missing confirmation or an unknown context is the command line's fault: exit 2.
            await console.Error.WriteLineAsync($"error: {e.Message}".AsMemory(), cancellationToken);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("error: interrupted".AsMemory(), CancellationToken.None);
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is KarcException or KarpenterNotServedException or KubeApiException or KubeResponseException
            or KubeCredentialException or HttpRequestException or TimeoutException)
        {
            await console.Error.WriteLineAsync($"error: {Describe(e)}".AsMemory(), cancellationToken);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The context name for the status header: the requested one, else the kubeconfig's current one.</summary>
    internal static string ContextName(KubeConnection connection, string? requested)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return requested;
        }

        // The kit describes kubeconfig connections as "kubeconfig <files>, context <name>".
        const string marker = ", context ";
        var description = connection.Description;
        var at = description.LastIndexOf(marker, StringComparison.Ordinal);
        return at >= 0 ? description[(at + marker.Length)..] : description;
    }

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
