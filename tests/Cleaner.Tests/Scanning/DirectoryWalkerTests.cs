using Addons.Cleaner.Globbing;
using Addons.Cleaner.Scanning;
using Addons.Cleaner.Tests.TestSupport;

namespace Addons.Cleaner.Tests.Scanning;

public sealed class DirectoryWalkerTests
{
    private static readonly string[] DefaultExcludes = ["**/.git/**", "**/node_modules/**", "*.log"];

    private static (RecordingVisitor Visitor, ScanResult Result) Walk(string root, string[]? include = null, string[]? exclude = null, RecordingVisitor? visitor = null, CancellationToken cancellationToken = default)
    {
        visitor ??= new RecordingVisitor();
        using var walker = new DirectoryWalker(GlobSet.Compile(include ?? ["*"]), GlobSet.Compile(exclude ?? DefaultExcludes));
        var result = walker.Walk(root, visitor, cancellationToken);
        return (visitor, result);
    }

    [Fact]
    public void Walk_NestedDirectories_ReportsFilesDepthFirstInOrdinalOrder()
    {
        using var tree = new TempTree();
        tree.File("b/z.txt");
        tree.File("b/a/deep/x.bin");
        tree.File("B.txt");
        tree.File("a.txt");
        tree.File("b/m.txt");

        var (visitor, result) = Walk(tree.Root);

        Assert.Equal(["B.txt", "a.txt", "b/a/deep/x.bin", "b/m.txt", "b/z.txt"], visitor.Candidates.Select(c => c.Path));
        Assert.Equal(5, result.Files);
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public void Walk_ExcludedDirectories_ArePrunedAndNotEntered()
    {
        using var tree = new TempTree();
        tree.File(".git/config");
        tree.File("src/.git/objects/ab");
        tree.File("src/node_modules/lib.js");
        tree.File("src/main.go");
        tree.File("debug.log");
        tree.File("sub/debug.log");

        var (visitor, _) = Walk(tree.Root);

        Assert.Equal(["src/main.go"], visitor.Candidates.Select(c => c.Path));
        Assert.Equal([".git", "src/.git", "src/node_modules"], visitor.ExcludedDirectories);
        Assert.Equal(["debug.log", "sub/debug.log"], visitor.ExcludedFiles);
    }

    [Fact]
    public void Walk_IncludePatterns_ApplyToFilesOnly()
    {
        using var tree = new TempTree();
        tree.File("cache/a.tmp");
        tree.File("cache/b.txt");
        tree.Dir("dir.tmp");

        var (visitor, _) = Walk(tree.Root, include: ["*.tmp"], exclude: []);

        Assert.Equal(["cache/a.tmp"], visitor.Candidates.Select(c => c.Path));
        Assert.Equal(["cache/b.txt"], visitor.NotIncluded);
    }

    [Fact]
    public void Walk_NonexistentRoot_ReportsNothingAndNoError()
    {
        var (visitor, result) = Walk("/nonexistent/cleaner-test-" + Guid.NewGuid().ToString("N"));

        Assert.True(result.RootMissing);
        Assert.Empty(visitor.Candidates);
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public void Walk_Files_ReportsTheirSizes()
    {
        using var tree = new TempTree();
        tree.File("small", 10);
        tree.File("d/large", 70_000);

        var (visitor, _) = Walk(tree.Root);

        Assert.Equal([("d/large", 70_000L), ("small", 10L)], visitor.Candidates);
    }

    [Fact]
    public void Walk_SymlinkedDirectory_IsReportedNotTraversed()
    {
        using var outside = new TempTree();
        outside.File("precious.txt");
        using var tree = new TempTree();
        tree.File("real/file.txt");
        tree.Symlink("link-to-outside", outside.Root);
        tree.Symlink("real/file-link", tree.PathOf("real/file.txt"));

        var (visitor, _) = Walk(tree.Root);

        Assert.Equal(["real/file.txt"], visitor.Candidates.Select(c => c.Path));
        Assert.Equal([("link-to-outside", outside.Root), ("real/file-link", tree.PathOf("real/file.txt"))], visitor.Symlinks);
    }

    [Fact]
    public async Task Walk_SymlinkLoop_Terminates()
    {
        using var tree = new TempTree();
        tree.File("a/f.txt");
        tree.Symlink("a/loop", tree.PathOf("a"));
        tree.Symlink("self", "self");

        var (visitor, _) = await Task.Run(() => Walk(tree.Root)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["a/f.txt"], visitor.Candidates.Select(c => c.Path));
        Assert.Equal(2, visitor.Symlinks.Count);
    }

    [Fact]
    public void Walk_Cancelled_StopsBeforeTheNextFile()
    {
        using var tree = new TempTree();
        for (var i = 0; i < 10; i++)
        {
            tree.File($"f{i}");
        }

        using var cts = new CancellationTokenSource();
        var visitor = new RecordingVisitor
        {
            OnFile = path =>
            {
                if (path == "f2")
                {
                    cts.Cancel();
                }

                return ScanAction.Continue;
            },
        };

        var (_, result) = Walk(tree.Root, visitor: visitor, cancellationToken: cts.Token);

        Assert.True(result.Stopped);
        Assert.Equal(["f0", "f1", "f2"], visitor.Candidates.Select(c => c.Path));
    }

    [Fact]
    public void Walk_VisitorStops_EndsTheWalk()
    {
        using var tree = new TempTree();
        tree.File("a/1");
        tree.File("a/2");
        tree.File("b/3");
        var visitor = new RecordingVisitor { OnFile = path => path == "a/1" ? ScanAction.Stop : ScanAction.Continue };

        var (_, result) = Walk(tree.Root, visitor: visitor);

        Assert.True(result.Stopped);
        Assert.Equal(["a/1"], visitor.Candidates.Select(c => c.Path));
    }

    [Fact]
    public void Walk_LargeDirectory_ReadsEveryEntry()
    {
        using var tree = new TempTree();
        for (var i = 0; i < 3000; i++)
        {
            tree.File($"many/file-with-a-rather-long-name-to-fill-the-buffer-{i:D5}");
        }

        var (visitor, _) = Walk(tree.Root);

        Assert.Equal(3000, visitor.Candidates.Count);
        Assert.Equal(visitor.Candidates.Select(c => c.Path).Order(StringComparer.Ordinal), visitor.Candidates.Select(c => c.Path));
    }
}
