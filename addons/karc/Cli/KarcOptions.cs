namespace Addons.Karc.Cli;

/// <summary>
/// karc's own settings (the defaults are these initialisers). The kubeconfig, context and log level are the kit's
/// settings (<c>Kubernetes:*</c>, <c>Logging:Level</c>), so the CLI and the controller read them the same way.
/// </summary>
internal sealed class KarcOptions
{
    /// <summary><c>--dry-run</c>: print what would change, write nothing. <value>The default value is false.</value></summary>
    public bool DryRun { get; set; }

    /// <summary><c>-y/--yes</c>: do not prompt. <value>The default value is false.</value></summary>
    public bool Yes { get; set; }

    /// <summary><c>--timezone</c>: IANA zone for schedule windows; null: the local zone, else UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary><c>-o/--output</c> of <c>status</c>. <value>The default value is table.</value></summary>
    public OutputFormat Output { get; set; } = OutputFormat.Table;
}
