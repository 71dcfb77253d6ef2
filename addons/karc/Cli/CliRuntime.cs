using Addons.Kit.Kubernetes.Config;

namespace Addons.Karc.Cli;

/// <summary>What a CLI run depends on from outside: the console, the cluster connection, the clock.</summary>
internal sealed class CliRuntime
{
    public required CliConsole Console { get; init; }

    /// <summary>Opens the connection for a kubeconfig and a context (null: discover the kubeconfig; its current context).</summary>
    public Func<string?, string?, KubeConnection> Connect { get; init; } = KubeConnection.Load;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Test hook passed to pause/resume: runs before every NodePool write.</summary>
    public Func<string, CancellationToken, Task>? BeforeWrite { get; init; }

    /// <summary>The real process environment.</summary>
    public static CliRuntime System() => new() { Console = CliConsole.System() };
}
