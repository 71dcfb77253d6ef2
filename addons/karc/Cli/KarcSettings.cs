using Addons.Kit.Hosting;
using Addons.Kit.Settings;

namespace Addons.Karc.Cli;

/// <summary>
/// karc's flags and environment variables for every command (flag &gt; env &gt; default), read by the kit's settings
/// front-end: <c>--help</c> is generated from this table, and a bad value is one line naming the flag and its variable.
/// </summary>
internal static class KarcSettings
{
    /// <summary>The CLI's log level when none is given (the controller keeps the kit's, info).</summary>
    public const string CliLogLevel = "Warning";

    public static AddonSettings<KarcOptions> Definition { get; } = Create();

    private static AddonSettings<KarcOptions> Create()
    {
        var settings = new AddonSettings<KarcOptions>(
        "karc",
        "Karpenter consolidation control: show NodePool disruption settings, pause and resume consolidation, and run the ConsolidationFreeze controller.")
    {
        Usage = "Usage: karc [flags] <command>",
        Commands = """
            Commands:
              status [NODEPOOL]          show NodePools, disruption budgets, schedules and freezes
              pause  <NODEPOOL|all>      pause consolidation (prepend a {nodes: "0"} budget)
              resume <NODEPOOL|all>      resume consolidation (remove karc's pause budget)
              controller                 run the ConsolidationFreeze controller (the Controller flags apply)
            """,
        Footer = """
            Exit codes: 0 success (also a declined prompt; the controller: a stop signal), 1 runtime or API error,
            2 usage or validation error, 130 a command interrupted by SIGINT/SIGTERM.
            """,
        AcceptsArguments = true,
    };
        settings.Add(KitSettings.Context with { Short = 'c', Env = "KUBECONFIG_CONTEXT", Group = null });
        settings.Add(KitSettings.Kubeconfig with { Group = null });
        settings.Add("dry-run", null, SettingValues.Boolean(), o => o.DryRun, (o, v) => o.DryRun = v, "Show what would change, write nothing");
        settings.Add("yes", null, SettingValues.Boolean(), o => o.Yes, (o, v) => o.Yes = v, "Do not ask for confirmation", 'y');
        settings.Add(KitSettings.LogLevel with { Env = "KARC_LOG_LEVEL", Group = null, DefaultDescription = "warn (controller: info)" });
        settings.Add(new OptionSetting<KarcOptions, string>(SettingValues.Text("an IANA time zone name such as Asia/Seoul or UTC"), o => o.TimeZone, (o, v) => o.TimeZone = v)
        {
            Flag = "timezone", Help = "Zone schedule windows are shown in", DefaultDescription = "the local zone, else UTC",
        });
        settings.Add(
            "output", null, SettingValues.Choice(("table", OutputFormat.Table), ("wide", OutputFormat.Wide), ("json", OutputFormat.Json), ("yaml", OutputFormat.Yaml)),
            o => o.Output, (o, v) => o.Output = v, "Format of status", 'o');
        settings.Add(KitSettings.LogFormat with { Group = "Controller" });
        settings.Add(KitSettings.HealthPort with { Group = "Controller" });
        settings.Add(KitSettings.ShutdownTimeout with { Group = "Controller" });
        settings.Add(KitSettings.LeaderElect with { Group = "Controller", KitDefault = "true (Lease karc)" });
        settings.Add(KitSettings.LeaseName with { Group = "Controller", KitDefault = "karc" });
        settings.Add(KitSettings.LeaseNamespace with { Group = "Controller" });
        return settings;
    }
}
