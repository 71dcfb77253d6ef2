using Addons.Kit.Hosting;
using Addons.Kit.Settings;

namespace Addons.Kit.Tests.Settings;

public sealed class SettingsHelpTests
{
    [Fact]
    public void HelpText_ListsEveryFlagWithItsVariableDefaultAndAcceptedValues()
    {
        var definition = new AddonSettings<TestOptions>("demo", "Deletes files.")
        {
            { "threshold", "THRESHOLD", SettingValues.Integer(0, 100), o => o.Threshold, (o, v) => o.Threshold = v, "Clean above this percentage" },
            { "min-age", null, SettingValues.Duration(), o => o.Age, (o, v) => o.Age = v, "Keep newer files" },
            { "dry-run", "DRY_RUN", SettingValues.Boolean(), o => o.DryRun, (o, v) => o.DryRun = v, "Delete nothing", 'n' },
            new OptionSetting<TestOptions, string>(SettingValues.Text(), o => o.Token, (o, v) => o.Token = v) { Env = "GITHUB_TOKEN", Required = true, Secret = true },
            KitSettings.HealthPort with { Flag = "metrics-port", Env = "METRICS_PORT", Default = "0" },
            KitSettings.LeaderElection,
        };

        var help = definition.HelpText();

        Assert.StartsWith("Usage: demo [flags]", help, StringComparison.Ordinal);
        Assert.Contains("Deletes files.", help, StringComparison.Ordinal);
        Assert.Matches(@"\n      --threshold VALUE +env THRESHOLD\n", help);
        Assert.Contains("\n        Clean above this percentage; default 80; accepts an integer from 0 to 100\n", help, StringComparison.Ordinal);
        Assert.Contains("\n      --min-age VALUE\n        Keep newer files; default 10m; accepts a duration", help, StringComparison.Ordinal);
        Assert.Matches(@"\n  -n, --dry-run +env DRY_RUN\n", help);
        Assert.Contains("Delete nothing; default false; accepts true, false, 1 or 0", help, StringComparison.Ordinal);
        Assert.Matches(@"\(environment only\) +env GITHUB_TOKEN\n        required; accepts a string", help);
        Assert.Matches(@"--metrics-port VALUE +env METRICS_PORT\n", help);
        Assert.Contains("Port of /healthz, /readyz and /metrics; default 0;", help, StringComparison.Ordinal);
        Assert.Contains("\nLeader election:\n", help, StringComparison.Ordinal);
        Assert.Contains("Name of the Lease (required with --leader-elect); no default; accepts a Lease name", help, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", help, StringComparison.Ordinal);
        Assert.Contains("-h, --help", help, StringComparison.Ordinal);
        Assert.Contains("-V, --version", help, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpText_KitFlags_ShowTheKitsDefaults()
    {
        var help = new AddonSettings<TestOptions>("demo", string.Empty) { KitSettings.All }.HelpText();

        Assert.Contains("default 8080", help, StringComparison.Ordinal);
        Assert.Contains("default 25s", help, StringComparison.Ordinal);
        Assert.Contains("default info", help, StringComparison.Ordinal);
        Assert.Contains("default auto", help, StringComparison.Ordinal);
    }
}
