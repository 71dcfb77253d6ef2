using Addons.Cleaner.Cleaning;
using Addons.Cleaner.Globbing;
using Addons.Cleaner.Scanning;
using Addons.Cleaner.Tests.Scanning;
using Addons.Cleaner.Tests.TestSupport;

namespace Addons.Cleaner.Tests.Cleaning;

/// <summary>
/// The <c>--min-file-age</c> bypass: a 2-day-old file replaced by a fresh one between the walk's stat and
/// the unlink was deleted with the old file's age and size. The swap is made by the test, at exactly that
/// point, so the race is not left to timing.
/// </summary>
public sealed class AgeRaceTests
{
    private static readonly DateTime TwoDaysOld = CycleHarness.Now.UtcDateTime.AddDays(-2);

    [Fact]
    public void OnCandidate_FileReplacedByAFreshOneAfterTheScan_KeepsTheFreshFile()
    {
        using var tree = new TempTree();
        tree.File("job/output.bin", 4, TwoDaysOld);
        var log = new RecordingLogger();
        var options = CycleHarness.Options(tree.Root) with { MinFileAge = TimeSpan.FromDays(1) };
        var cleaning = new CleaningVisitor(tree.Root, options, CycleHarness.Now.ToUnixTimeMilliseconds(), log, collected: null);
        var swapping = new SwappingVisitor(cleaning, () => Replace(tree, "job/output.bin", "fresh data!"));
        using var walker = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([]));

        walker.Walk(tree.Root, swapping, CancellationToken.None);

        Assert.Equal("fresh data!", File.ReadAllText(tree.PathOf("job/output.bin")));
        Assert.Equal(0, cleaning.Files);
        Assert.Contains(log.Messages, m => m.Contains("changed since it was scanned", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Messages, m => m.StartsWith("Deleted file", StringComparison.Ordinal));
    }

    [Fact]
    public void OnCandidate_FileRewrittenInPlaceAndMtimeRestored_IsKept()
    {
        using var tree = new TempTree();
        var path = tree.File("job/output.bin", 4, TwoDaysOld);
        var log = new RecordingLogger();
        var options = CycleHarness.Options(tree.Root) with { MinFileAge = TimeSpan.FromDays(1) };
        var cleaning = new CleaningVisitor(tree.Root, options, CycleHarness.Now.ToUnixTimeMilliseconds(), log, collected: null);
        var swapping = new SwappingVisitor(cleaning, () =>
        {
            // Same inode and size; the mtime is put back, only the ctime tells.
            File.WriteAllText(path, "new!");
            File.SetLastWriteTimeUtc(path, TwoDaysOld);
        });
        using var walker = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([]));

        walker.Walk(tree.Root, swapping, CancellationToken.None);

        Assert.Equal("new!", File.ReadAllText(path));
        Assert.Equal(0, cleaning.Files);
    }

    [Fact]
    public void OnCandidate_FileUnchanged_IsStillDeleted()
    {
        using var tree = new TempTree();
        tree.File("job/output.bin", 4, TwoDaysOld);
        var options = CycleHarness.Options(tree.Root) with { MinFileAge = TimeSpan.FromDays(1) };
        var cleaning = new CleaningVisitor(tree.Root, options, CycleHarness.Now.ToUnixTimeMilliseconds(), new RecordingLogger(), collected: null);
        using var walker = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([]));

        walker.Walk(tree.Root, new SwappingVisitor(cleaning, () => { }), CancellationToken.None);

        Assert.False(File.Exists(tree.PathOf("job/output.bin")));
        Assert.Equal(1, cleaning.Files);
    }

    [Fact]
    public void Delete_OldestFirstCandidateReplacedBeforeItsTurn_IsKept()
    {
        using var tree = new TempTree();
        tree.File("a/old.bin", 4, TwoDaysOld);
        var recording = new RecordingVisitor();
        using (var walker = new DirectoryWalker(GlobSet.Compile(["*"]), GlobSet.Compile([])))
        {
            walker.Walk(tree.Root, recording, CancellationToken.None);
        }

        var identity = Assert.Single(recording.Identities);
        Replace(tree, "a/old.bin", "fresh");
        using var remover = RootedRemover.Open(tree.Root, out _)!;

        var result = remover.Delete("a/old.bin"u8.ToArray(), identity, removeEmptyParents: true, onDirectoryRemoved: null);

        Assert.Equal(Deletion.Changed, result);
        Assert.Equal("fresh", File.ReadAllText(tree.PathOf("a/old.bin")));
    }

    private static void Replace(TempTree tree, string relative, string content)
    {
        var path = tree.PathOf(relative);
        var fresh = path + ".new";
        File.WriteAllText(fresh, content);
        File.SetLastWriteTimeUtc(fresh, CycleHarness.Now.UtcDateTime);
        File.Move(fresh, path, overwrite: true);
    }

    /// <summary>Forwards to a real visitor, making the swap right before each candidate is handled.</summary>
    private sealed class SwappingVisitor(IScanVisitor inner, Action swap) : IScanVisitor
    {
        public ScanAction OnCandidate(in ScanEntry entry)
        {
            swap();
            return inner.OnCandidate(entry);
        }

        public void OnSymlink(ReadOnlySpan<byte> relativePath, string target) => inner.OnSymlink(relativePath, target);

        public void OnExcludedDirectory(ReadOnlySpan<byte> relativePath, string pattern) => inner.OnExcludedDirectory(relativePath, pattern);

        public void OnTooDeep(ReadOnlySpan<byte> relativePath, int maxDepth) => inner.OnTooDeep(relativePath, maxDepth);

        public void OnExcludedFile(ReadOnlySpan<byte> relativePath, long size, string pattern) => inner.OnExcludedFile(relativePath, size, pattern);

        public void OnNotIncluded(ReadOnlySpan<byte> relativePath) => inner.OnNotIncluded(relativePath);

        public void OnError(ReadOnlySpan<byte> relativePath, string operation, int errno) => inner.OnError(relativePath, operation, errno);

        public bool OnDirectoryEmptied(in EmptiedDirectory directory) => inner.OnDirectoryEmptied(directory);
    }
}
