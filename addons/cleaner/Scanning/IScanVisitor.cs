namespace Addons.Cleaner.Scanning;

/// <summary>Receives what <see cref="DirectoryWalker"/> finds, in walk order.</summary>
internal interface IScanVisitor
{
    /// <summary>A regular file matching an include pattern and no exclude pattern.</summary>
    ScanAction OnCandidate(in ScanEntry entry);

    /// <summary>A symbolic link: never followed, never deleted.</summary>
    void OnSymlink(ReadOnlySpan<byte> relativePath, string target);

    /// <summary>A directory matching an exclude pattern (or under which every path would): not entered.</summary>
    void OnExcludedDirectory(ReadOnlySpan<byte> relativePath, string pattern);

    /// <summary>A directory whose entries would be deeper than the walk's maximum depth: not entered.</summary>
    void OnTooDeep(ReadOnlySpan<byte> relativePath, int maxDepth);

    /// <summary>A file matching an exclude pattern: kept.</summary>
    void OnExcludedFile(ReadOnlySpan<byte> relativePath, long size, string pattern);

    /// <summary>A regular file matching no include pattern: kept.</summary>
    void OnNotIncluded(ReadOnlySpan<byte> relativePath);

    /// <summary>Something could not be read; the walk goes on without it.</summary>
    void OnError(ReadOnlySpan<byte> relativePath, string operation, int errno);

    /// <summary>
    /// Called after a directory's entries when at least one file (or directory) inside it was removed;
    /// returns true when the visitor removed the directory itself.
    /// </summary>
    bool OnDirectoryEmptied(in EmptiedDirectory directory);
}
