using Microsoft.Extensions.Logging;

namespace Addons.Karc.Cli;

/// <summary>A parsed command line.</summary>
internal sealed record CliOptions
{
    /// <summary><c>status</c>, <c>pause</c>, <c>resume</c> or <c>controller</c>; null with --version/--help.</summary>
    public string? Verb { get; init; }

    /// <summary>The NodePool argument (or <c>all</c>); null for <c>status</c> without one.</summary>
    public string? Target { get; init; }

    /// <summary>Arguments after <c>controller</c>, handed to the addon host as they are.</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary><c>-c/--context</c>, else <c>KUBECONFIG_CONTEXT</c>; null: the kubeconfig's current context.</summary>
    public string? Context { get; init; }

    public bool DryRun { get; init; }

    public bool Yes { get; init; }

    /// <summary><c>--log-level</c>, else <c>KARC_LOG_LEVEL</c>. <value>The default value is Warning.</value></summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>True when the level came from <c>--log-level</c> or <c>KARC_LOG_LEVEL</c> (the controller then passes it to the host).</summary>
    public bool LogLevelSet { get; init; }

    /// <summary><c>--timezone</c>; null: the local zone, else UTC.</summary>
    public string? TimeZone { get; init; }

    public OutputFormat Output { get; init; } = OutputFormat.Table;

    public bool ShowVersion { get; init; }

    public bool ShowHelp { get; init; }
}
