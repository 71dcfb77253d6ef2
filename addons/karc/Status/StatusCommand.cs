using System.Text.Json;
using Addons.Karc.Cli;
using Addons.Karc.Freezes;
using Addons.Karc.NodePools;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.LeaderElection;
using Addons.Kit.Shutdown;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.Status;

/// <summary><c>karc status [NODEPOOL]</c>: reads NodePools, NodeClaims and freezes, prints the report.</summary>
internal sealed partial class StatusCommand(KubeApi kube, NodePoolApi pools, CliConsole console, ILogger<StatusCommand> logger, TimeProvider time)
{
    public async Task<int> RunAsync(string? name, OutputFormat format, TimeZoneInfo zone, string context, CancellationToken cancellationToken)
    {
        var all = await pools.ListAsync(cancellationToken);
        var selected = name is null ? all : all.Where(p => p.Name == name).ToList();
        if (name is not null && selected.Count == 0)
        {
            throw new KarcException($"NodePool '{name}' not found");
        }

        var names = selected.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var claims = (await pools.ListNodeClaimsAsync(cancellationToken))
            .Where(c => name is null || (c.NodePoolName is not null && names.Contains(c.NodePoolName)))
            .ToList();
        var freezes = await ListFreezesAsync(name, cancellationToken);

        var report = StatusReportBuilder.Build(pools.Version, context, zone, selected, claims, freezes, time.GetUtcNow());
        var text = format switch
        {
            OutputFormat.Json => StatusJson.ToJson(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true, TypeInfoResolver = KarcJsonContext.Default }) + "\n",
            OutputFormat.Yaml => YamlText.Write(StatusJson.ToJson(report)),
            _ => StatusTableRenderer.Render(report, format == OutputFormat.Wide, Palette.For(console.IsOutputTerminal, console.Environment("NO_COLOR"))),
        };
        await console.Out.WriteAsync(text.AsMemory(), cancellationToken);
        await console.Out.FlushAsync(cancellationToken);
        return ExitCodes.Clean;
    }

    private async Task<IReadOnlyList<FreezeRow>?> ListFreezesAsync(string? name, CancellationToken cancellationToken)
    {
        try
        {
            var list = await kube.For(FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze).ListAsync(null, null, cancellationToken);
            return list.Items
                .Where(f => name is null || (f.Spec?.NodePools ?? []).Any(p => p == name || p == "*"))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => FreezeRows.From(f, time.GetUtcNow()))
                .ToList();
        }
        catch (KubeApiException e) when (e.IsNotFound || e.IsForbidden)
        {
            // Freezes are optional: without the CRD (or the right to read it) status shows NodePools only.
            Log.FreezesUnavailable(logger, e.Message);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "ConsolidationFreezes not listed: {Reason}")]
        public static partial void FreezesUnavailable(ILogger logger, string reason);
    }
}
