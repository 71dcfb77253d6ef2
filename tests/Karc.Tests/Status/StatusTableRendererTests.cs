using Addons.Karc.Cli;
using Addons.Karc.NodePools;
using Addons.Karc.Status;
using k8s.Models;

namespace Karc.Tests.Status;

public class StatusTableRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    internal static NodePool Pool(string name, int? weight, params Budget[]? budgets) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new NodePoolSpec { Weight = weight, Disruption = budgets is null ? null : new Disruption { Budgets = [.. budgets] } },
    };

    private static NodeClaim Claim(string pool) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"{pool}-x", Labels = new Dictionary<string, string> { [NodeClaim.NodePoolLabel] = pool } },
    };

    [Fact]
    public void Render_PoolsAndSchedules_MatchesSpecLayout()
    {
        NodePool[] pools =
        [
            Pool("general", 10, new Budget { Nodes = "0" }, new Budget { Nodes = "20%" }),
            Pool("batch", null,
                new Budget { Nodes = "0", Schedule = "0 9 * * 5", Duration = "8h", Reasons = ["Underutilized"] },
                new Budget { Nodes = "5" }),
            Pool("gpu", 50, new Budget { Nodes = "2", Schedule = "0 9 * * 4", Duration = "8h" }),
        ];
        var report = StatusReportBuilder.Build("v1", "prod", TimeZoneInfo.Utc, pools, [Claim("general"), Claim("general"), Claim("gpu")], null, Now);

        var text = StatusTableRenderer.Render(report, wide: false, Palette.None);

        const string expected = """
            NodePools/karpenter.sh/v1 (context: prod, 3 nodepools, 3 nodeclaims):
            NODEPOOL   WEIGHT   POLICY                     AFTER   BUDGETS   NODECLAIMS   STATE
            batch      -        WhenEmptyOrUnderutilized   0s      5         0            Active
            general    10       WhenEmptyOrUnderutilized   0s      20%       2            Paused
            gpu        50       WhenEmptyOrUnderutilized   0s      10%       1            Active

            Disruption Schedules (UTC):
            NODEPOOL   WINDOW              DUR   EMPTY   DRIFTED   UNDERUTILIZED   EXPIRED   STATE
            batch      Fri 09:00 - 17:00   8h    -       -         0               -         -
            batch      Fallback            -     5       5         5               5         Active
            gpu        Thu 09:00 - 17:00   8h    2       2         2               2         Active

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Render_OnlyScheduledBudgets_FallbackIsUnlimited()
    {
        var pools = new[] { Pool("night", null, new Budget { Nodes = "0", Schedule = "0 22 * * *", Duration = "4h" }) };
        var report = StatusReportBuilder.Build("v1", "c", TimeZoneInfo.Utc, pools, [], null, Now);
        var text = StatusTableRenderer.Render(report, wide: false, Palette.None);
        Assert.Contains("night      Fallback              -     ∞       ∞         ∞               ∞         Active", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MalformedSchedule_RendersVerbatimWithoutCrashing()
    {
        var pools = new[] { Pool("odd", null, new Budget { Nodes = "1", Schedule = "whenever", Duration = "soon" }, new Budget { Nodes = null }) };
        var report = StatusReportBuilder.Build("v1", "c", TimeZoneInfo.Utc, pools, [], null, Now);
        var text = StatusTableRenderer.Render(report, wide: true, Palette.None);
        Assert.Contains("whenever + soon", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoSchedules_OmitsTimetable()
    {
        var report = StatusReportBuilder.Build("v1beta1", "c", TimeZoneInfo.Utc, [Pool("a", null, null)], [], null, Now);
        var text = StatusTableRenderer.Render(report, wide: false, Palette.None);
        Assert.StartsWith("NodePools/karpenter.sh/v1beta1 (context: c, 1 nodepools, 0 nodeclaims):\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Disruption Schedules", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithPalette_ColoursOnlyStateCells()
    {
        var report = StatusReportBuilder.Build("v1", "c", TimeZoneInfo.Utc, [Pool("a", null, new Budget { Nodes = "0" })], [], null, Now);
        var text = StatusTableRenderer.Render(report, wide: false, Palette.For(isTerminal: true, noColor: null));
        Assert.Contains("\u001b[33mPaused\u001b[0m", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', StatusTableRenderer.Render(report, wide: false, Palette.For(isTerminal: true, noColor: "1")));
    }

    [Fact]
    public void Yaml_Report_WritesBlockYaml()
    {
        var report = StatusReportBuilder.Build("v1", "c", TimeZoneInfo.Utc, [Pool("a", 3, new Budget { Nodes = "0" })], [], null, Now);
        var yaml = YamlText.Write(StatusJson.ToJson(report));
        Assert.Contains("nodePools:\n- name: a\n  weight: 3\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  budgets: 10%\n", yaml, StringComparison.Ordinal);
        Assert.Contains("schedules: []\n", yaml, StringComparison.Ordinal);
    }
}
