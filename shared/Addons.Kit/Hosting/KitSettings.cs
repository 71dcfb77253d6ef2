using System.Globalization;
using Addons.Kit.Health;
using Addons.Kit.LeaderElection;
using Addons.Kit.Logging;
using Addons.Kit.Settings;
using Addons.Kit.Shutdown;

namespace Addons.Kit.Hosting;

/// <summary>
/// The kit's own flags, each writing the configuration key its options bind from. They have no
/// environment variable until an addon gives one (<c>KitSettings.LogLevel with { Env = "LOG_LEVEL" }</c>):
/// a flat name such as <c>HEALTH_PORT</c> could collide with the <c>&lt;SERVICE&gt;_PORT</c> variables
/// Kubernetes injects. <c>Section__Key</c> variables (<c>Health__Port</c>) keep working for every key.
/// </summary>
public static class KitSettings
{
    private static readonly (string Name, string Level)[] LogLevelNames =
    [
        ("trace", "Verbose"), ("debug", "Debug"), ("info", "Information"), ("warn", "Warning"), ("error", "Error"), ("fatal", "Fatal"), ("off", "Off"),
    ];

    /// <summary><c>--log-level</c> → <c>Logging:Level</c>.</summary>
    public static ConfigSetting<string> LogLevel { get; } = new("Logging:Level", LogLevels())
    {
        Flag = "log-level", Help = "Minimum log level", KitDefault = "info", Group = "Logging",
    };

    /// <summary><c>--log-format</c> → <c>Logging:Format</c>.</summary>
    public static ConfigSetting<string> LogFormat { get; } = new("Logging:Format", SettingValues.Words("auto", "json", "text"))
    {
        Flag = "log-format", Help = "auto: text on a terminal, JSON lines otherwise", KitDefault = new LoggingOptions().Format, Group = "Logging",
    };

    /// <summary><c>--health-port</c> → <c>Health:Port</c>.</summary>
    public static ConfigSetting<int> HealthPort { get; } = new("Health:Port", SettingValues.Port())
    {
        Flag = "health-port", Help = "Port of /healthz, /readyz and /metrics",
        KitDefault = new HealthOptions().Port.ToString(CultureInfo.InvariantCulture), Group = "Host",
    };

    /// <summary><c>--shutdown-timeout</c> → <c>Shutdown:Timeout</c>.</summary>
    public static ConfigSetting<TimeSpan> ShutdownTimeout { get; } = new("Shutdown:Timeout", SettingValues.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)))
    {
        Flag = "shutdown-timeout", Help = "Time from SIGTERM to exit, below the pod's grace period",
        KitDefault = GoDuration.Format(new ShutdownOptions().Timeout), Group = "Host",
    };

    /// <summary><c>--kubeconfig</c> → <c>Kubernetes:Kubeconfig</c>.</summary>
    public static ConfigSetting<string> Kubeconfig { get; } = new("Kubernetes:Kubeconfig", SettingValues.Text("a kubeconfig path (several joined by ':')"))
    {
        Flag = "kubeconfig", Help = "Kubeconfig to use", KitDefault = "in-cluster in a pod, else KUBECONFIG, else ~/.kube/config", Group = "Kubernetes",
    };

    /// <summary><c>--context</c> → <c>Kubernetes:Context</c>.</summary>
    public static ConfigSetting<string> Context { get; } = new("Kubernetes:Context", SettingValues.Text("a kubeconfig context name"))
    {
        Flag = "context", Help = "Kubeconfig context", KitDefault = "the kubeconfig's current-context", Group = "Kubernetes",
    };

    /// <summary><c>--leader-elect</c> → <c>LeaderElection:Enabled</c>.</summary>
    public static ConfigSetting<bool> LeaderElect { get; } = new("LeaderElection:Enabled", SettingValues.Boolean())
    {
        Flag = "leader-elect", Help = "Run leader-only work only on the replica holding the Lease", KitDefault = "false", Group = "Leader election",
    };

    /// <summary><c>--lease-name</c> → <c>LeaderElection:LeaseName</c>.</summary>
    public static ConfigSetting<string> LeaseName { get; } = new("LeaderElection:LeaseName", SettingValues.Text("a Lease name"))
    {
        Flag = "lease-name", Help = "Name of the Lease (required with --leader-elect)", Group = "Leader election",
    };

    /// <summary><c>--lease-namespace</c> → <c>LeaderElection:LeaseNamespace</c>.</summary>
    public static ConfigSetting<string> LeaseNamespace { get; } = new("LeaderElection:LeaseNamespace", SettingValues.Text("a namespace name"))
    {
        Flag = "lease-namespace", Help = "Namespace of the Lease", KitDefault = "the pod's namespace", Group = "Leader election",
    };

    /// <summary><c>--log-level</c>, <c>--log-format</c>.</summary>
    public static IReadOnlyList<Setting> Logging => [LogLevel, LogFormat];

    /// <summary><c>--health-port</c>, <c>--shutdown-timeout</c>.</summary>
    public static IReadOnlyList<Setting> Host => [HealthPort, ShutdownTimeout];

    /// <summary><c>--kubeconfig</c>, <c>--context</c>.</summary>
    public static IReadOnlyList<Setting> Kubernetes => [Kubeconfig, Context];

    /// <summary><c>--leader-elect</c>, <c>--lease-name</c>, <c>--lease-namespace</c>.</summary>
    public static IReadOnlyList<Setting> LeaderElection => [LeaderElect, LeaseName, LeaseNamespace];

    /// <summary>Every kit flag (what a host built without an addon table accepts).</summary>
    public static IReadOnlyList<Setting> All => [.. Logging, .. Host, .. Kubernetes, .. LeaderElection];

    /// <summary>
    /// The log levels an addon accepts, by the short names (trace, debug, info, warn, error, fatal, off;
    /// default all of them; the Serilog names Verbose, Information and Warning are accepted too when all are).
    /// </summary>
    public static SettingValue<string> LogLevels(params string[] names)
    {
        var all = names.Length == 0;
        var chosen = all ? LogLevelNames : LogLevelNames.Where(n => names.Contains(n.Name, StringComparer.Ordinal)).ToArray();
        (string, string)[] aliases = all ? [("verbose", "Verbose"), ("information", "Information"), ("warning", "Warning"), ("critical", "Fatal")] : [];
        var choice = SettingValues.Choice([.. chosen, .. aliases]);
        var accepted = SettingValues.Choice(chosen).Accepted + (all ? " (Serilog's Verbose, Information and Warning work too)" : string.Empty);
        return new SettingValue<string>(accepted, choice.TryParse, choice.Format);
    }
}
