namespace Charts.Tests;

/// <summary>The Dockerfile template and every addon's Dockerfile follow the image convention.</summary>
public sealed class DockerfileTests
{
    /// <summary>deploy/Dockerfile.addon and each addons/*/Dockerfile that exists.</summary>
    public static TheoryData<string> Dockerfiles()
    {
        var data = new TheoryData<string> { "deploy/Dockerfile.addon" };
        var addons = Path.Combine(Repo.Root, "addons");
        foreach (var dir in Directory.EnumerateDirectories(addons).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "Dockerfile")))
            {
                data.Add(Path.GetRelativePath(Repo.Root, Path.Combine(dir, "Dockerfile")));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_FinalStage_IsChiseledNonRootExecEntrypoint(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, file)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)).ToList();
        var final = lines.Skip(lines.LastIndexOf(froms[^1])).ToList();

        Assert.True(froms.Count >= 2, $"{file}: expected a multi-stage build (SDK stage + final stage)");
        Assert.Contains("dotnet/sdk", froms[0], StringComparison.Ordinal);
        Assert.Matches(@"^FROM (mcr\.microsoft\.com/dotnet/runtime-deps:10\.0-noble-chiseled\S*|scratch)( AS \w+)?$", froms[^1]);
        Assert.Contains(final, l => l is "USER 65532" or "USER 65532:65532");
        Assert.Matches(@"^ENTRYPOINT \[""/app/[^""]+""\]$", final.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        Assert.DoesNotContain(final, l => l.StartsWith("RUN ", StringComparison.Ordinal));
    }
}
