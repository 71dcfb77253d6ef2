using Addons.Karc.Cli;
using Addons.Karc.NodePools;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.LeaderElection;
using Addons.Kit.Shutdown;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.PauseResume;

/// <summary>
/// <c>karc pause|resume &lt;NODEPOOL|all&gt;</c>: rewrites budgets with optimistic concurrency.
/// </summary>
/// <remarks>
/// On 409 (someone edited the NodePool between our read and write) the NodePool is re-read and the
/// change recomputed from the fresh budgets, up to <see cref="MaxAttempts"/> times, so the other edit is kept.
/// </remarks>
internal sealed partial class PauseResumeCommand(NodePoolApi pools, CliConsole console, ILogger<PauseResumeCommand> logger)
{
    /// <summary>Attempts per NodePool before a conflict is reported as an error.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Test hook: runs before every write, e.g. to make a concurrent edit.</summary>
    internal Func<string, CancellationToken, Task>? BeforeWrite { get; init; }

    public async Task<int> RunAsync(bool pause, string target, bool dryRun, bool yes, CancellationToken cancellationToken)
    {
        var verb = pause ? "pause" : "resume";
        var all = await pools.ListAsync(cancellationToken);
        IReadOnlyList<NodePool> selected;
        if (string.Equals(target, "all", StringComparison.OrdinalIgnoreCase))
        {
            selected = all.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        }
        else
        {
            selected = [all.FirstOrDefault(p => p.Name == target) ?? throw new KarcException($"NodePool '{target}' not found")];
        }

        if (!dryRun && !yes && !console.IsInputTerminal && selected.Any(p => PauseBudgets.IsPaused(p.Budgets) != pause))
        {
            // Never hang on a prompt nobody can answer, and never assume yes.
            throw new CliUsageException($"refusing to {verb} without confirmation: stdin is not a terminal (pass --yes)");
        }

        var failed = false;
        foreach (var pool in selected)
        {
            if (PauseBudgets.IsPaused(pool.Budgets) == pause)
            {
                if (pause)
                {
                    Log.AlreadyPaused(logger, pool.Name);
                }
                else
                {
                    Log.NotPaused(logger, pool.Name);
                }

                continue;
            }

            if (dryRun)
            {
                await console.Out.WriteLineAsync($"[DRY RUN] Would {verb} NodePool '{pool.Name}'".AsMemory(), cancellationToken);
                continue;
            }

            if (!yes && !Prompt.Confirm(console, $"{(pause ? "Pause" : "Resume")} consolidation for NodePool '{pool.Name}'?"))
            {
                Log.Declined(logger, pool.Name);
                continue;
            }

            try
            {
                if (await ApplyAsync(pool, pause, cancellationToken))
                {
                    await console.Out.WriteLineAsync($"{(pause ? "Paused" : "Resumed")} consolidation for NodePool '{pool.Name}'".AsMemory(), cancellationToken);
                }
            }
            catch (KubeApiException e) when (!e.IsForbidden)
            {
                // One NodePool failing does not stop the others; the exit code reports it.
                Log.WriteFailed(logger, verb, pool.Name, e.Message);
                failed = true;
            }
        }

        await console.Out.FlushAsync(cancellationToken);
        return failed ? ExitCodes.Failure : ExitCodes.Clean;
    }

    /// <summary>Writes the change; false when a fresh read shows nothing left to do.</summary>
    private async Task<bool> ApplyAsync(NodePool pool, bool pause, CancellationToken cancellationToken)
    {
        var current = pool;
        for (var attempt = 1; ; attempt++)
        {
            var budgets = pause ? PauseBudgets.Pause(current.Budgets) : PauseBudgets.Resume(current.Budgets);
            if (BeforeWrite is { } hook)
            {
                await hook(current.Name, cancellationToken);
            }

            try
            {
                await pools.PatchBudgetsAsync(current.Name, current.Metadata.ResourceVersion, budgets, null, cancellationToken);
                return true;
            }
            catch (KubeApiException e) when (e.IsConflict && attempt < MaxAttempts)
            {
                Log.Conflict(logger, current.Name, attempt);
                current = await pools.GetAsync(current.Name, cancellationToken)
                    ?? throw new KarcException($"NodePool '{pool.Name}' was deleted");
                if (PauseBudgets.IsPaused(current.Budgets) == pause)
                {
                    // The concurrent edit already did what we were about to do.
                    if (pause)
                    {
                        Log.AlreadyPaused(logger, current.Name);
                    }
                    else
                    {
                        Log.NotPaused(logger, current.Name);
                    }

                    return false;
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "NodePool '{NodePool}' is already paused")]
        public static partial void AlreadyPaused(ILogger logger, string nodePool);

        [LoggerMessage(2, LogLevel.Warning, "NodePool '{NodePool}' is not paused")]
        public static partial void NotPaused(ILogger logger, string nodePool);

        [LoggerMessage(3, LogLevel.Information, "Skipped NodePool '{NodePool}': not confirmed")]
        public static partial void Declined(ILogger logger, string nodePool);

        [LoggerMessage(4, LogLevel.Information, "NodePool '{NodePool}' changed since it was read (attempt {Attempt}); re-reading")]
        public static partial void Conflict(ILogger logger, string nodePool, int attempt);

        [LoggerMessage(5, LogLevel.Error, "Could not {Verb} NodePool '{NodePool}': {Reason}")]
        public static partial void WriteFailed(ILogger logger, string verb, string nodePool, string reason);
    }
}
