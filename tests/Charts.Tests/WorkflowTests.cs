using YamlDotNet.RepresentationModel;

namespace Charts.Tests;

/// <summary>The workflow files parse and carry the keys GitHub Actions and our release process need.</summary>
public sealed class WorkflowTests
{
    /// <summary>Every workflow file, one theory case each.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Workflow.Files())
        {
            data.Add(f);
        }

        return data;
    }

    [Fact]
    public void Workflows_Repository_HasCiAndReleaseWorkflows()
    {
        Assert.Equal(["ci.yml", "release-charts.yml", "release-images.yml"], Workflow.Files().Where(f => f is "ci.yml" or "release-charts.yml" or "release-images.yml"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_Workflow_HasNameTriggersAndBoundedJobsWithSteps(string file)
    {
        var wf = Workflow.Load(file);

        Assert.NotNull(Workflow.Get(wf.Root, "name"));
        Assert.NotNull(Workflow.Get(wf.Root, "on"));
        Assert.NotEmpty(wf.Jobs);
        foreach (var (id, job) in wf.Jobs)
        {
            Assert.True(Workflow.Get(job, "runs-on") is not null, $"{file}: job {id} has no runs-on");
            Assert.True(Workflow.Get(job, "timeout-minutes") is not null, $"{file}: job {id} has no timeout-minutes");
            var steps = Assert.IsType<YamlSequenceNode>(Workflow.Get(job, "steps"));
            Assert.NotEmpty(steps);
            foreach (var step in steps.Cast<YamlMappingNode>())
            {
                Assert.True(Workflow.Get(step, "uses") is not null ^ Workflow.Get(step, "run") is not null, $"{file}: job {id} has a step with neither or both of uses/run");
            }
        }
    }

    [Fact]
    public void Ci_Jobs_BuildTestPublishAotAndLintCharts()
    {
        var wf = Workflow.Load("ci.yml");

        Assert.Contains("dotnet restore", wf.Text, StringComparison.Ordinal);
        Assert.Contains("dotnet build", wf.Text, StringComparison.Ordinal);
        Assert.Contains(".ci/test", wf.Text, StringComparison.Ordinal);
        Assert.Contains(".ci/publish-aot", wf.Text, StringComparison.Ordinal);
        Assert.Contains("bash .ci/charts", wf.Text, StringComparison.Ordinal);
        var charts = File.ReadAllText(Path.Combine(Repo.Root, ".ci", "charts"));
        Assert.Contains("lint --strict", charts, StringComparison.Ordinal);
        Assert.Contains("template", charts, StringComparison.Ordinal);
        Assert.Contains("dependency update", charts, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseWorkflowsAndPublish_Addons_ReadTheRegistration()
    {
        Assert.Contains("addons/addons.json", Workflow.Load("release-images.yml").Text, StringComparison.Ordinal);
        Assert.Contains(".ci/charts --list", Workflow.Load("release-charts.yml").Text, StringComparison.Ordinal);
        Assert.Contains("addons/addons.json", File.ReadAllText(Path.Combine(Repo.Root, ".ci", "publish-aot")), StringComparison.Ordinal);
        Assert.Contains("addons/addons.json", File.ReadAllText(Path.Combine(Repo.Root, ".ci", "charts")), StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseImages_Triggers_OnAddonVersionFilesOnMain()
    {
        var wf = Workflow.Load("release-images.yml");
        var push = Workflow.Map(Workflow.Map(wf.Root, "on")!, "push")!;

        Assert.Equal("main", ((YamlSequenceNode)Workflow.Get(push, "branches")!).Children.Cast<YamlScalarNode>().Single().Value);
        Assert.Equal("addons/*/version.json", ((YamlSequenceNode)Workflow.Get(push, "paths")!).Children.Cast<YamlScalarNode>().Single().Value);
        Assert.Contains("nbgv get-version", wf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseImages_Build_RunsNativelyPerArchitectureAndPushesManifestToGhcr()
    {
        var wf = Workflow.Load("release-images.yml");
        var build = wf.Jobs.Single(j => j.Id == "build").Job;
        var platforms = (YamlSequenceNode)Workflow.Get(Workflow.Map(Workflow.Map(build, "strategy")!, "matrix")!, "platform")!;
        var runners = platforms.Children.Cast<YamlMappingNode>()
            .ToDictionary(p => ((YamlScalarNode)Workflow.Get(p, "arch")!).Value!, p => ((YamlScalarNode)Workflow.Get(p, "runner")!).Value!);

        Assert.Equal(new Dictionary<string, string> { ["amd64"] = "ubuntu-24.04", ["arm64"] = "ubuntu-24.04-arm" }, runners);
        Assert.Contains("ghcr.io", wf.Text, StringComparison.Ordinal);
        Assert.Contains("imagetools create", wf.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("setup-qemu", wf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseCharts_Push_UsesHelmPushToGhcrOci()
    {
        var wf = Workflow.Load("release-charts.yml");

        Assert.Contains("helm push", wf.Text.Replace("$helm push", "helm push", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("oci://ghcr.io/", wf.Text, StringComparison.Ordinal);
    }
}
