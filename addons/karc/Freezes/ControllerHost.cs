using Addons.Karc.Cli;
using Addons.Karc.NodePools;
using Addons.Kit.Controllers;
using Addons.Kit.Hosting;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.Freezes;

/// <summary>
/// <c>karc controller</c>: the ConsolidationFreeze controller on the kit's addon host (logging,
/// health and metrics listener, leader election, graceful shutdown). Flags after <c>controller</c>
/// are the kit's (<c>--leader-elect</c>, <c>--lease-name</c>, <c>--health-port</c>, …).
/// </summary>
internal static class ControllerHost
{
    public static async Task<int> RunAsync(CliOptions options, CancellationToken cancellationToken)
    {
        var args = options.HostArgs.ToList();
        if (options.Context is not null)
        {
            args.AddRange(["--context", options.Context]);
        }

        if (options.LogLevelSet && !args.Contains("--log-level"))
        {
            // The host's own flag wins when given after `controller`; the CLI's level maps onto Serilog's names.
            args.AddRange(["--log-level", options.LogLevel switch
            {
                LogLevel.Trace => "Verbose",
                LogLevel.Debug => "Debug",
                LogLevel.Information => "Information",
                LogLevel.Warning => "Warning",
                LogLevel.Error => "Error",
                _ => "Fatal",
            }]);
        }

        // Leader-elected by default (the chart runs two replicas); --leader-elect=false turns it off.
        var builder = AddonHost.CreateBuilder([.. args], "karc").UseLeaderElection("karc");
        var version = await ResolveNodePoolVersionAsync(builder, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        Configure(builder, version);
        return await builder.Build().RunAsync(cancellationToken);
    }

    /// <summary>Registers the freeze controller and its NodePool watch on <paramref name="builder"/>.</summary>
    internal static void Configure(AddonHostBuilder builder, string nodePoolVersion)
    {
        var index = new FreezeIndex();
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton(provider => new NodePoolApi(provider.GetRequiredService<KubeApi>(), nodePoolVersion));
        builder.Services.AddSingleton<FreezeEvents>();
        builder.Services.AddSingleton<FreezeStatusWriter>();
        builder.AddController<ConsolidationFreeze, FreezeReconciler>(
                FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze, o => o.Name = "consolidationfreeze")
            .Watches(KarpenterResources.NodePool(nodePoolVersion), KarcJsonContext.Default.NodePool, index.FreezesFor);
    }

    /// <summary>v1 unless only v1beta1 is served (404 on v1). Any other failure (even a body that is not JSON) keeps v1:
    /// the watch then reports it and retries, so a proxy's error page cannot crash-loop the controller.</summary>
    private static async Task<string> ResolveNodePoolVersionAsync(AddonHostBuilder builder, CancellationToken cancellationToken)
    {
        KubeConnection connection;
        try
        {
            connection = KubeConnection.Load(builder.Configuration["Kubernetes:Kubeconfig"], builder.Configuration["Kubernetes:Context"]);
        }
        catch (KubeConfigException)
        {
            // The host reports configuration errors itself (exit code 2) when it builds its client.
            return KarpenterResources.Versions[0];
        }

        using var kube = new KubeApi(connection);
        foreach (var version in KarpenterResources.Versions)
        {
            try
            {
                await kube.For(KarpenterResources.NodePool(version), KarcJsonContext.Default.NodePool)
                    .ListAsync(null, null, cancellationToken);
                return version;
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Garbage from a proxy, a failing exec plugin, an unreachable server: only a probe. The host's
                // watch meets the same failure, reports it in one line and retries; readiness stays false.
                return KarpenterResources.Versions[0];
            }
        }

        return KarpenterResources.Versions[0];
    }
}
