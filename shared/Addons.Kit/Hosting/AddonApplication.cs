using Addons.Kit.Health;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Metrics;
using Addons.Kit.Shutdown;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Hosting;

/// <summary>A configured addon host, ready to run.</summary>
public sealed partial class AddonApplication
{
    private readonly AddonHostBuilder _builder;

    internal AddonApplication(AddonHostBuilder builder) => _builder = builder;

    /// <summary>The built host's services, once <see cref="RunAsync"/> has built it (for tests).</summary>
    public IServiceProvider? Services { get; private set; }

    /// <summary>
    /// Runs the addon until a stop signal or a failure and returns the process exit code (see
    /// <see cref="ExitCodes"/>): <c>--help</c> and <c>--version</c> print and return 0 (no cluster needed); a configuration error prints one
    /// line to stderr and returns 2 before anything starts; a runtime failure returns 1.
    /// </summary>
    /// <param name="cancellationToken">Cancelling it stops the host gracefully, as a signal would.</param>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = _builder.Settings;
        if (settings.Error is { } error)
        {
            await Console.Error.WriteLineAsync(error.Line);
            return error.ExitCode;
        }

        if (settings.HelpRequested)
        {
            await Console.Out.WriteAsync(settings.HelpText);
            return ExitCodes.Clean;
        }

        if (settings.VersionRequested)
        {
            await Console.Out.WriteLineAsync(_builder.BuildInfo.ToString());
            return ExitCodes.Clean;
        }

        IHost host;
        try
        {
            host = _builder.BuildHost();
        }
        catch (Exception ex) when (ConfigurationErrors.TryFormat(ex, _builder.Sections) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return ExitCodes.Configuration;
        }

        using (host)
        {
            Services = host.Services;
            return await RunHostAsync(host, cancellationToken);
        }
    }

    private async Task<int> RunHostAsync(IHost host, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AddonHost).FullName!);
        var state = services.GetRequiredService<LifecycleState>();
        var exit = services.GetRequiredService<AddonExit>();
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var build = _builder.BuildInfo;
        services.GetRequiredService<HealthRegistry>().Add(HealthCheckKind.Readiness, "lifecycle", () =>
            state.IsStopping ? HealthCheckResult.Fail("stopping") : state.IsStarted ? HealthCheckResult.Pass : HealthCheckResult.Fail("starting"));
        lifetime.ApplicationStopping.Register(() =>
        {
            state.MarkStopping();
            services.GetRequiredService<SignalLifetime>().ArmWatchdog();
        });

        try
        {
            // Validated here, before anything starts, so a bad setting yields our one line rather
            // than the host's "failed to start" error with a stack trace.
            services.GetService<IStartupValidator>()?.Validate();
            if (_builder.UsesKubernetes)
            {
                // Loads the kubeconfig / in-cluster config now: a bad one is a configuration error too.
                var kube = services.GetRequiredService<KubeApi>();
                if (LeaseNamespaceCheck.Problem(services, kube) is { } problem)
                {
                    await Console.Error.WriteLineAsync(problem);
                    return ExitCodes.Configuration;
                }
            }
        }
        catch (Exception ex) when (ConfigurationErrors.TryFormat(ex, _builder.Sections) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return ExitCodes.Configuration;
        }

        Log.Starting(logger, build.Addon, build.Version, build.Commit);
        KitMetrics.PublishBuildInfo(build);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ConfigurationErrors.TryFormat(ex, _builder.Sections) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            await StopAfterFailedStartAsync(host, logger);
            return ExitCodes.Configuration;
        }
        catch (OperationCanceledException) when (state.IsStopping || cancellationToken.IsCancellationRequested)
        {
            // A signal (or the caller) asked to stop while the host was still starting: a normal, clean stop.
            Log.StoppedDuringStart(logger, build.Addon);
            await StopAfterFailedStartAsync(host, logger);
            return Math.Max(ExitCodes.Clean, exit.ExitCode);
        }
        catch (Exception ex)
        {
            Log.StartFailed(logger, ex);
            await StopAfterFailedStartAsync(host, logger);
            return ExitCodes.Failure;
        }

        state.MarkStarted();
        Log.Started(logger, build.Addon);
        var code = ExitCodes.Clean;
        try
        {
            await host.WaitForShutdownAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            Log.StopFailed(logger, ex);
            code = ExitCodes.Failure;
        }

        code = Math.Max(code, exit.ExitCode);
        if (code == ExitCodes.Clean && FaultedBackgroundServices(services))
        {
            code = ExitCodes.Failure;
        }

        Log.Stopped(logger, build.Addon, code);
        return code;
    }

    // A BackgroundService whose loop failed stopped the host (StopHost behaviour); that is a runtime failure.
    private static bool FaultedBackgroundServices(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<BackgroundService>().Any(s => s.ExecuteTask is { IsFaulted: true });

    private static async Task StopAfterFailedStartAsync(IHost host, ILogger logger)
    {
        try
        {
            await host.StopAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.StopFailed(logger, ex);
        }
    }
}
