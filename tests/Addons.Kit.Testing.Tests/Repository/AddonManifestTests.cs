using Addons.Kit.Testing.Repository;

namespace Addons.Kit.Testing.Tests.Repository;

public sealed class AddonManifestTests
{
    [Fact]
    public void Load_RepositoryManifest_HasTheMinimalHostFirstAndKarcWithItsChart()
    {
        var manifest = AddonManifest.Load();

        Assert.Equal("minimal-host", manifest.Addons[0].Name);
        Assert.False(manifest.Addons[0].Release);
        Assert.Equal("charts/karc", manifest.Find("karc")?.Chart);
        Assert.Equal("addons/karc", manifest.Find("karc")?.Folder);
    }

    [Fact]
    public void Parse_Defaults_ReleaseTrueNoSandboxNoFootprint()
    {
        var entry = AddonManifest.Parse("""{"addons": [{"name": "x", "summary": "s", "project": "addons/x/X.csproj", "binary": "x"}]}""").Addons.Single();

        Assert.True(entry.Release);
        Assert.Null(entry.Sandbox);
        Assert.Null(entry.Footprint);
        Assert.Null(entry.Chart);
    }

    [Fact]
    public void Parse_FootprintJob_ReadsWorldReposAndLatency()
    {
        var entry = AddonManifest.Parse("""
            {"addons": [{"name": "x", "summary": "s", "project": "p", "binary": "b",
                         "footprint": {"job": {"world": "github-org", "repos": 900, "latencyMs": 50}}}]}
            """).Addons.Single();

        Assert.Equal(new FootprintJob("github-org", 900, 50), entry.Footprint?.Job);
    }

    [Fact]
    public void Load_RepositoryManifest_GssIsMeasuredAsAJob()
    {
        Assert.Equal("github-org", AddonManifest.Load().Find("gss")?.Footprint?.Job?.World);
    }

    [Theory]
    [InlineData("""{"addons": [{"summary": "s", "project": "p", "binary": "b"}]}""", "addons[0].name is required")]
    [InlineData("""{"addons": [{"name": "Bad_Name", "summary": "s", "project": "p", "binary": "b"}]}""", "\"Bad_Name\" is not accepted")]
    [InlineData("""{"addons": [{"name": "x", "summary": "s", "project": "p"}]}""", "addons[0] (x).binary is required")]
    [InlineData("""{"addons": [{"name": "x", "summary": "s", "project": "p", "binary": "b", "release": "yes"}]}""", "addons[0] (x).release must be true or false")]
    [InlineData("""{"addons": [{"name": "x", "summary": "s", "project": "p", "binary": "b"}], "planned": [{"name": "x", "summary": "s"}]}""", "\"x\" is registered twice")]
    [InlineData("""{"addons": {}}""", ".addons must be an array")]
    [InlineData("""{"addons": [{"name": "x", "summary": "s", "project": "p", "binary": "b", "footprint": {"job": {"world": "mars", "repos": 1, "latencyMs": 0}}}]}""", "footprint.job.world \"mars\" is not accepted; accepted: github-org")]
    [InlineData("""{"addons": [{"name": "x", "summary": "s", "project": "p", "binary": "b", "footprint": {"job": {"world": "github-org", "repos": -1, "latencyMs": 0}}}]}""", "footprint.job.repos must be a whole number")]
    [InlineData("""{"addons": [""", "not valid JSON")]
    public void Parse_Malformed_ThrowsNamingTheFileAndField(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => AddonManifest.Parse(json));

        Assert.StartsWith("addons/addons.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
