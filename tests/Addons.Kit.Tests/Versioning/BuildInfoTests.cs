using Addons.Kit.Versioning;

namespace Addons.Kit.Tests.Versioning;

public sealed class BuildInfoTests
{
    [Theory]
    [InlineData("0.1.7+abcdef0123", "0.1.7", "abcdef0123")]
    [InlineData("0.1.7", "0.1.7", "unknown")]
    [InlineData(null, "unknown", "unknown")]
    public void Parse_InformationalVersion_SplitsVersionAndCommit(string? informational, string version, string commit)
    {
        var info = BuildInfo.Parse("demo", informational);

        Assert.Equal(version, info.Version);
        Assert.Equal(commit, info.Commit);
        Assert.Equal($"demo {version} (commit {commit})", info.ToString());
    }
}
