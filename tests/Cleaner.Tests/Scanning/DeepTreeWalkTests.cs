using Addons.Cleaner.Globbing;
using Addons.Cleaner.Scanning;
using Addons.Cleaner.Tests.TestSupport;

namespace Addons.Cleaner.Tests.Scanning;

/// <summary>
/// The deep-tree attack: a job that can write to a target makes a chain of directories far deeper than
/// PATH_MAX. The recursive walk crashed at 40,000 levels (SIGSEGV) and took 98–167 MB at 10,000.
/// </summary>
public sealed class DeepTreeWalkTests
{
    private static readonly DateTime Old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Walk_HundredThousandLevels_DefaultMaxDepthSkipsBelowItAndAHigherOneReachesTheBottomWithBoundedDescriptors()
    {
        using var tree = new DeepTree(100_000, Old);
        using var bounded = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([]));
        using var unbounded = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([]), maxDepth: 200_000);
        var skipping = new RecordingVisitor();
        var reaching = new RecordingVisitor();

        var skipped = await Task.Run(() => bounded.Walk(tree.Root, skipping, CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(3));
        var reached = await Task.Run(() => unbounded.Walk(tree.Root, reaching, CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Empty(skipping.Candidates);
        Assert.Equal(DirectoryWalker.DefaultMaxDepth, skipped.Directories);
        Assert.Equal(DirectoryWalker.DefaultMaxDepth, Assert.Single(skipping.TooDeep).Split('/').Length);
        Assert.Empty(skipping.Errors);
        Assert.Equal([tree.BottomFile], reaching.Candidates.Select(c => c.Path));
        Assert.Equal(100_001, reached.Directories);
        Assert.Empty(reaching.Errors);
        Assert.Empty(reaching.TooDeep);
        Assert.InRange(unbounded.PeakOpenDescriptors, 1, DirectoryChain.DefaultMaxOpen);
    }

    [Fact]
    public async Task Walk_DeepTreeDeletingWithRemoveEmptyDirs_RemovesEveryLevelThroughReopenedDescriptors()
    {
        using var tree = new DeepTree(10_000, Old);
        using var walker = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([]), maxDepth: 20_000);
        var visitor = new RecordingVisitor { Delete = true };

        await Task.Run(() => walker.Walk(tree.Root, visitor, CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, tree.RemainingLevels());
        Assert.Equal(10_000, visitor.RemovedDirectories.Count);
        Assert.Empty(visitor.Errors);
        Assert.InRange(walker.PeakOpenDescriptors, 1, DirectoryChain.DefaultMaxOpen);
    }

    [Fact]
    public void Walk_MaxDepthOne_VisitsOnlyTheRootsFiles()
    {
        using var tree = new TempTree();
        tree.File("top.txt");
        tree.File("sub/inner.txt");
        using var walker = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([]), maxDepth: 1);
        var visitor = new RecordingVisitor();

        walker.Walk(tree.Root, visitor, CancellationToken.None);

        Assert.Equal(["top.txt"], visitor.Candidates.Select(c => c.Path));
        Assert.Equal(["sub"], visitor.TooDeep);
    }
}
