using Addons.Karc.Cli;
using Addons.Kit.Hosting;
using Addons.Kit.Settings;

namespace Addons.Karc.Freezes;

/// <summary>
/// <c>karc controller</c>: the ConsolidationFreeze controller on the kit's addon host (logging, health and metrics
/// listener, leader election on Lease <c>karc</c>, graceful shutdown), built from the settings the CLI parsed.
/// </summary>
internal static class ControllerHost
{
    public static Task<int> RunAsync(ParsedSettings<KarcOptions> settings, CancellationToken cancellationToken)
    {
        var builder = AddonHost.CreateBuilder(settings).UseLeaderElection("karc");
        builder.AddFreezeController();
        return builder.Build().RunAsync(cancellationToken);
    }
}
