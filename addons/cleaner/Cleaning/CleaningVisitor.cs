using Addons.Cleaner.Configuration;
using Addons.Cleaner.Native;
using Addons.Cleaner.Scanning;
using Microsoft.Extensions.Logging;

namespace Addons.Cleaner.Cleaning;

/// <summary>
/// Handles what the walk of one target path finds: logs skips, spares files younger than
/// <c>--min-file-age</c>, and either deletes each candidate at once (strategy <c>all</c>) or collects it
/// (strategy <c>oldest-first</c>, when <see cref="Collected"/> is given).
/// </summary>
internal sealed class CleaningVisitor : IScanVisitor
{
    private readonly string _root;
    private readonly CleanerOptions _options;
    private readonly long _nowUnixMilliseconds;
    private readonly ILogger _logger;

    public CleaningVisitor(string root, CleanerOptions options, long nowUnixMilliseconds, ILogger logger, List<Candidate>? collected)
    {
        _root = root;
        _options = options;
        _nowUnixMilliseconds = nowUnixMilliseconds;
        _logger = logger;
        Collected = collected;
    }

    public List<Candidate>? Collected { get; }

    /// <summary>Files deleted (or, in a dry run, that would be).</summary>
    public long Files { get; private set; }

    /// <summary>Their total size.</summary>
    public long Bytes { get; private set; }

    public ScanAction OnCandidate(in ScanEntry entry)
    {
        var minAge = (long)_options.MinFileAge.TotalMilliseconds;
        if (minAge > 0)
        {
            var age = _nowUnixMilliseconds - entry.ModifiedUnixMilliseconds;
            if (age < minAge)
            {
                _logger.SkippingRecentFile(entry.FullPath, age / 1000.0, minAge / 1000.0);
                return ScanAction.Continue;
            }
        }

        if (Collected is not null)
        {
            Collected.Add(new Candidate(entry.RelativePathBytes.ToArray(), entry.Identity));
            return ScanAction.Continue;
        }

        if (_options.DryRun)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.WouldDelete(entry.FullPath, ByteSize.Format(entry.Size));
            }

            Count(entry.Size);
            return ScanAction.Continue;
        }

        var errno = entry.Delete();
        switch (errno)
        {
            case 0:
                _logger.Deleted(entry.FullPath, ByteSize.Format(entry.Size));
                Count(entry.Size);
                return ScanAction.Deleted;
            case Libc.ENOENT:
                _logger.Vanished(entry.FullPath);
                return ScanAction.Continue;
            case Deletion.Changed:
                _logger.ChangedSinceScan(entry.FullPath);
                return ScanAction.Continue;
            default:
                DeleteFailures++;
                _logger.DeleteFailed(entry.FullPath, Libc.Describe(errno));
                return ScanAction.Continue;
        }
    }

    /// <summary>Deletions that failed (not counting files that vanished or changed meanwhile).</summary>
    public long DeleteFailures { get; set; }

    /// <summary>Directories removed because deleting left them empty.</summary>
    public long RemovedDirectories { get; private set; }

    /// <summary>Directories not entered because their entries would be deeper than <c>--max-depth</c>.</summary>
    public long TooDeep { get; private set; }

    /// <summary>Counts a removed directory; logs it (at debug) only for the first <see cref="RemovedDirectoryLogLimit"/>, so a deep chain cannot flood the log.</summary>
    public void CountRemovedDirectory(string? path)
    {
        RemovedDirectories++;
        if (RemovedDirectories <= RemovedDirectoryLogLimit && path is not null)
        {
            _logger.RemovedEmptyDirectory(path);
        }
    }

    /// <summary>Removed directories logged one by one per target path and cycle; the rest only in the summary.</summary>
    public const int RemovedDirectoryLogLimit = 20;

    /// <summary>Empty directories that could not be removed (only the first is logged).</summary>
    public long RemoveDirectoryFailures { get; private set; }

    public void Count(long size)
    {
        Files++;
        Bytes += size;
    }

    public void OnSymlink(ReadOnlySpan<byte> relativePath, string target) =>
        _logger.SkippingSymlink(ScanPaths.Join(_root, relativePath), target);

    public void OnExcludedDirectory(ReadOnlySpan<byte> relativePath, string pattern) =>
        _logger.SkippingExcludedDirectory(ScanPaths.Join(_root, relativePath), pattern);

    public void OnTooDeep(ReadOnlySpan<byte> relativePath, int maxDepth)
    {
        TooDeep++;
        if (TooDeep == 1)
        {
            // Once per target path and cycle: the path of a deep directory can be hundreds of kilobytes.
            _logger.TooDeep(_root, maxDepth, relativePath.Length);
        }
    }

    public void OnExcludedFile(ReadOnlySpan<byte> relativePath, long size, string pattern)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.SkippingExcludedFile(ScanPaths.Join(_root, relativePath), ByteSize.Format(size), pattern);
        }
    }

    public void OnNotIncluded(ReadOnlySpan<byte> relativePath)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.SkippingNotIncluded(ScanPaths.Join(_root, relativePath));
        }
    }

    public void OnError(ReadOnlySpan<byte> relativePath, string operation, int errno) =>
        _logger.ScanError(operation, ScanPaths.Join(_root, relativePath), Libc.Describe(errno));

    public bool OnDirectoryEmptied(in EmptiedDirectory directory)
    {
        if (!_options.RemoveEmptyDirs || _options.DryRun)
        {
            return false;
        }

        var errno = directory.RemoveIfEmpty();
        switch (errno)
        {
            case 0:
                CountRemovedDirectory(RemovedDirectories < RemovedDirectoryLogLimit && _logger.IsEnabled(LogLevel.Debug) ? ScanPaths.Join(_root, directory.RelativePath) : null);
                return true;
            case Libc.ENOTEMPTY or Libc.EEXIST or Libc.ENOENT:
                return false;
            default:
                RemoveDirectoryFailures++;
                if (RemoveDirectoryFailures == 1)
                {
                    _logger.RemoveDirectoryFailed(ScanPaths.Join(_root, directory.RelativePath), Libc.Describe(errno));
                }

                return false;
        }
    }
}
