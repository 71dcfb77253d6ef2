using System.Diagnostics;
using Addons.Cleaner.Configuration;
using Addons.Cleaner.Globbing;
using Addons.Cleaner.Native;
using Addons.Cleaner.Scanning;
using Addons.Cleaner.Usage;
using Microsoft.Extensions.Logging;

namespace Addons.Cleaner.Cleaning;

/// <summary>
/// One cleaning cycle: for each target path in order, measure usage; if it is strictly above the
/// threshold, delete matching files with the configured strategy, else log and skip. Each path is
/// judged on its own; a path that cannot be measured is logged and the cycle goes on.
/// </summary>
/// <remarks>
/// Synchronous by design (the work is syscalls); cancellation stops it before the next file.
/// </remarks>
internal sealed class CleaningCycle
{
    private readonly CleanerOptions _options;
    private readonly GlobSet _include;
    private readonly GlobSet _exclude;
    private readonly IUsageProbe _probe;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ICleanerMetrics _metrics;

    public CleaningCycle(CleanerOptions options, GlobSet include, GlobSet exclude, IUsageProbe probe, TimeProvider time, ILogger logger, ICleanerMetrics metrics)
    {
        _options = options;
        _include = include;
        _exclude = exclude;
        _probe = probe;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public IReadOnlyList<PathOutcome> Run(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        _logger.CycleStarted(_options.TargetPaths.Count);
        var outcomes = new List<PathOutcome>(_options.TargetPaths.Count);
        using var walker = new DirectoryWalker(_include, _exclude, _options.MaxDepth);
        foreach (var path in _options.TargetPaths)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            outcomes.Add(RunPath(walker, path, cancellationToken));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        _metrics.ObserveCycle(elapsed);
        _logger.CycleFinished(elapsed.TotalSeconds, outcomes.Sum(o => o.Files), ByteSize.Format(outcomes.Sum(o => o.Bytes)),
            _options.DryRun ? "would be deleted (dry run)" : "deleted");
        return outcomes;
    }

    private PathOutcome RunPath(DirectoryWalker walker, string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            _logger.PathUnavailable(path, File.Exists(path)
                ? "it is a file, not a directory (target paths must be directories)"
                : Path.Exists(path) ? "it is not a directory (target paths must be directories)" : "the directory does not exist");
            return new PathOutcome(path, PathVerdict.Unavailable, 0, 0, 0, false);
        }

        DiskUsage usage;
        try
        {
            usage = _probe.Measure(path);
        }
        catch (UsageProbeException e)
        {
            _logger.PathUnavailable(path, e.Message);
            return new PathOutcome(path, PathVerdict.Unavailable, 0, 0, 0, false);
        }

        _metrics.SetUsage(path, usage.Percent);
        if (!(usage.Percent > _options.UsageThresholdPercent))
        {
            _logger.BelowThreshold(path, usage.Percent, ByteSize.Format((long)usage.UsedBytes), ByteSize.Format((long)usage.TotalBytes), _options.UsageThresholdPercent);
            return new PathOutcome(path, PathVerdict.BelowThreshold, usage.Percent, 0, 0, false);
        }

        _logger.AboveThreshold(path, usage.Percent, ByteSize.Format((long)usage.UsedBytes), ByteSize.Format((long)usage.TotalBytes), _options.UsageThresholdPercent,
            _options.Strategy == CleanupStrategy.OldestFirst ? "oldest-first" : "all");
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var collected = _options.Strategy == CleanupStrategy.OldestFirst ? new List<Candidate>() : null;
        var visitor = new CleaningVisitor(path, _options, now, _logger, collected);
        var scan = walker.Walk(path, visitor, cancellationToken);
        _logger.Scanned(path, scan.Files, scan.Directories);
        var stopped = scan.Stopped;
        if (collected is not null && !stopped)
        {
            try
            {
                stopped = DeleteOldestFirst(path, usage, collected, visitor, cancellationToken);
            }
            catch (UsageProbeException e)
            {
                // Without a usage reading the target cannot be judged; stop this path rather than delete blindly.
                _logger.PathUnavailable(path, e.Message);
            }
        }

        if (stopped)
        {
            _logger.StopRequested(path);
        }

        if (visitor.TooDeep > 0)
        {
            _logger.TooDeepSummary(visitor.TooDeep, path, _options.MaxDepth);
        }

        if (visitor.RemovedDirectories > 0 || visitor.RemoveDirectoryFailures > 0)
        {
            _logger.RemovedEmptyDirectories(visitor.RemovedDirectories, path, visitor.RemoveDirectoryFailures);
        }

        if (_options.DryRun)
        {
            _logger.DryRunSummary(visitor.Files, ByteSize.Format(visitor.Bytes), path);
        }
        else
        {
            _logger.CleanSummary(visitor.Files, ByteSize.Format(visitor.Bytes), path);
            _metrics.AddDeleted(path, visitor.Files, visitor.Bytes);
            if (visitor.Files > 0)
            {
                try
                {
                    _metrics.SetUsage(path, _probe.Measure(path).Percent);
                }
                catch (UsageProbeException e)
                {
                    _logger.PathUnavailable(path, e.Message);
                }
            }
        }

        return new PathOutcome(path, PathVerdict.Cleaned, usage.Percent, visitor.Files, visitor.Bytes, stopped, visitor.DeleteFailures);
    }

    /// <summary>Deletes collected files, least recently modified first, until usage is at or below the target. Returns true when stopped.</summary>
    private bool DeleteOldestFirst(string path, DiskUsage initial, List<Candidate> candidates, CleaningVisitor visitor, CancellationToken cancellationToken)
    {
        candidates.Sort(static (a, b) =>
        {
            var byTime = a.ModifiedUnixMilliseconds.CompareTo(b.ModifiedUnixMilliseconds);
            return byTime != 0 ? byTime : a.RelativePath.AsSpan().SequenceCompareTo(b.RelativePath);
        });

        using var remover = RootedRemover.Open(path, out var openErrno);
        if (remover is null)
        {
            _logger.ScanError("open", path, Libc.Describe(openErrno));
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return true;
            }

            // A dry run frees nothing, so project the usage from what it would have freed.
            var usage = _options.DryRun ? initial.AfterFreeing((ulong)visitor.Bytes) : _probe.Measure(path);
            if (usage.Percent <= _options.TargetUsagePercent)
            {
                _logger.TargetReached(path, usage.Percent, _options.TargetUsagePercent);
                return false;
            }

            var fullPath = ScanPaths.Join(path, candidate.RelativePath);
            if (_options.DryRun)
            {
                _logger.WouldDelete(fullPath, ByteSize.Format(candidate.Size));
                visitor.Count(candidate.Size);
                continue;
            }

            var errno = remover.Delete(candidate.RelativePath, candidate.Identity, _options.RemoveEmptyDirs,
                (directory, length) => visitor.CountRemovedDirectory(visitor.RemovedDirectories < CleaningVisitor.RemovedDirectoryLogLimit
                    ? ScanPaths.JoinNulSeparated(path, directory, length)
                    : null));
            switch (errno)
            {
                case 0:
                    _logger.Deleted(fullPath, ByteSize.Format(candidate.Size));
                    visitor.Count(candidate.Size);
                    break;
                case Libc.ENOENT:
                    _logger.Vanished(fullPath);
                    break;
                case Deletion.Changed:
                    _logger.ChangedSinceScan(fullPath);
                    break;
                default:
                    visitor.DeleteFailures++;
                    _logger.DeleteFailed(fullPath, Libc.Describe(errno));
                    break;
            }
        }

        var final = _options.DryRun ? initial.AfterFreeing((ulong)visitor.Bytes) : _probe.Measure(path);
        if (final.Percent <= _options.TargetUsagePercent)
        {
            _logger.TargetReached(path, final.Percent, _options.TargetUsagePercent);
        }

        return false;
    }
}
