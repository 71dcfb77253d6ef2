using System.Runtime.InteropServices;
using System.Text;
using Addons.Cleaner.Globbing;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>
/// Depth-first walk of one target root, entries of each directory in ordinal (byte) order.
/// </summary>
/// <remarks>
/// Guarantees: lstat semantics — a symlink is reported and never followed; every directory is
/// opened relative to its parent's descriptor with <c>O_NOFOLLOW</c>, so nothing outside the root
/// is ever reached, even if a directory is swapped for a symlink during the walk; an excluded
/// directory is not entered; include patterns are tested on regular files only; cancellation is
/// checked before every entry.
/// Cost: directories are read with <c>getdents64</c> into buffers reused per depth, file types come
/// from <c>d_type</c>, and only candidate (and excluded) files are <c>statx</c>-ed — no allocation per
/// file, memory bounded by depth × largest directory.
/// Caveats: not thread-safe; one walker per thread.
/// </remarks>
internal sealed unsafe class DirectoryWalker : IDisposable
{
    private const int DentsBufferSize = 64 * 1024;
    private const int StatxBufferSize = 256;
    private const int StatxModeOffset = 28;
    private const int StatxSizeOffset = 40;
    private const int StatxMtimeOffset = 112;

    /// <summary>Below this many files in a directory, handing stats to other threads costs more than it saves.</summary>
    private const int ParallelStatThreshold = 48;

    /// <summary>statx scales with cores until the directory's lock and the dentry cache contend.</summary>
    private const int MaxStatWorkers = 4;

    private readonly GlobSet _include;
    private readonly GlobSet _exclude;
    private readonly byte* _dents;
    private readonly byte* _statx;
    private readonly List<DirectoryListing> _listings = [];
    private byte[] _path = new byte[4096];
    private long _files;
    private long _directories;

    public DirectoryWalker(GlobSet include, GlobSet exclude)
    {
        _include = include;
        _exclude = exclude;
        _dents = (byte*)NativeMemory.AlignedAlloc(DentsBufferSize, 8);
        _statx = (byte*)NativeMemory.AlignedAlloc(StatxBufferSize, 8);
    }

    ~DirectoryWalker() => Free();

    public ScanResult Walk(string root, IScanVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        _files = 0;
        _directories = 0;
        var rootBytes = Encoding.UTF8.GetBytes(root + "\0");
        int fd;
        fixed (byte* rootPointer = rootBytes)
        {
            fd = Libc.Open(rootPointer, Libc.OpenDirectoryFollow);
        }

        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.ENOENT)
            {
                return new ScanResult(RootMissing: true, Stopped: false, 0, 0);
            }

            visitor.OnError([], "open", errno);
            return new ScanResult(RootMissing: false, Stopped: false, 0, 0);
        }

        try
        {
            var stopped = !WalkDirectory(root, fd, 0, 0, visitor, out _, cancellationToken);
            return new ScanResult(RootMissing: false, stopped, _files, _directories);
        }
        finally
        {
            _ = Libc.Close(fd);
        }
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        NativeMemory.AlignedFree(_dents);
        NativeMemory.AlignedFree(_statx);
    }

    /// <summary>Returns false when the walk must stop.</summary>
    private bool WalkDirectory(string root, int fd, int depth, int pathLength, IScanVisitor visitor, out bool removedSomething, CancellationToken cancellationToken)
    {
        removedSomething = false;
        _directories++;
        if (_listings.Count == depth)
        {
            _listings.Add(new DirectoryListing());
        }

        var listing = _listings[depth];
        if (!listing.Read(fd, _dents, DentsBufferSize, out var readErrno))
        {
            visitor.OnError(_path.AsSpan(0, pathLength), "read directory", readErrno);
            return true;
        }

        listing.Sort();
        ClassifyAndStatFiles(fd, listing, pathLength);
        for (var n = 0; n < listing.Count; n++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var (offset, length, type) = listing.Entry(n);
            var entryLength = AppendToPath(pathLength, listing.Names.AsSpan(offset, length));
            var relative = _path.AsSpan(0, entryLength);
            fixed (byte* name = &listing.Names[offset])
            {
                var haveStat = false;
                if (type == Libc.DT_UNKNOWN)
                {
                    // Some filesystems do not fill d_type; ask, without following a symlink.
                    if (!Stat(fd, name, visitor, relative))
                    {
                        continue;
                    }

                    haveStat = true;
                    type = TypeFromMode(*(ushort*)(_statx + StatxModeOffset));
                }

                switch (type)
                {
                    case Libc.DT_LNK:
                        visitor.OnSymlink(relative, ReadLink(fd, name));
                        break;
                    case Libc.DT_DIR:
                        if (!VisitDirectory(root, fd, name, depth, entryLength, visitor, ref removedSomething, cancellationToken))
                        {
                            return false;
                        }

                        break;
                    case Libc.DT_REG:
                        var action = listing.Kinds[n] == FileKind.Unclassified
                            ? VisitFile(root, fd, name, relative, haveStat, visitor)
                            : VisitClassifiedFile(root, fd, name, relative, listing, n, visitor);
                        switch (action)
                        {
                            case ScanAction.Stop:
                                return false;
                            case ScanAction.Deleted:
                                removedSomething = true;
                                break;
                        }

                        break;
                    default:
                        // FIFOs, sockets and devices are neither deleted nor reported: they are not files a
                        // workload leaves behind to take space.
                        break;
                }
            }
        }

        return true;
    }

    private bool VisitDirectory(string root, int fd, byte* name, int depth, int pathLength, IScanVisitor visitor, ref bool removedSomething, CancellationToken cancellationToken)
    {
        var relative = _path.AsSpan(0, pathLength);
        foreach (var glob in _exclude.Globs)
        {
            if (glob.IsMatch(relative) || glob.MatchesEverythingBelow(relative))
            {
                visitor.OnExcludedDirectory(relative, glob.Pattern);
                return true;
            }
        }

        var child = Libc.OpenAt(fd, name, Libc.OpenDirectoryNoFollow);
        if (child < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Libc.ENOENT)
            {
                // ELOOP/ENOTDIR: swapped for a symlink or a file since it was listed; never followed.
                visitor.OnError(relative, "open directory", errno);
            }

            return true;
        }

        bool keepGoing;
        bool childRemoved;
        try
        {
            keepGoing = WalkDirectory(root, child, depth + 1, pathLength, visitor, out childRemoved, cancellationToken);
        }
        finally
        {
            _ = Libc.Close(child);
        }

        if (childRemoved && visitor.OnDirectoryEmptied(new EmptiedDirectory(_path.AsSpan(0, pathLength), fd, name)))
        {
            removedSomething = true;
        }

        return keepGoing;
    }

    /// <summary>
    /// Matches every regular file of the directory against the patterns, then stats those that need it
    /// (candidates for their size and mtime, excluded ones for the log) — on several threads when there
    /// are many, because statx is most of a scan's cost. Results are consumed in order afterwards, so
    /// the walk order and the "stop before the next file" guarantee are unchanged.
    /// </summary>
    private void ClassifyAndStatFiles(int fd, DirectoryListing listing, int pathLength)
    {
        var queued = 0;
        for (var n = 0; n < listing.Count; n++)
        {
            var (offset, length, type) = listing.Entry(n);
            listing.Kinds[n] = FileKind.Unclassified;
            if (type != Libc.DT_REG)
            {
                continue;
            }

            var relative = _path.AsSpan(0, AppendToPath(pathLength, listing.Names.AsSpan(offset, length)));
            var excludedBy = _exclude.FirstMatch(relative);
            listing.ExcludedBy[n] = excludedBy?.Pattern;
            if (excludedBy is null && !_include.IsMatch(relative))
            {
                listing.Kinds[n] = FileKind.NotIncluded;
                continue;
            }

            listing.Kinds[n] = excludedBy is null ? FileKind.Candidate : FileKind.Excluded;
            listing.StatQueue[queued++] = n;
        }

        var workers = queued >= ParallelStatThreshold ? Math.Min(Environment.ProcessorCount, MaxStatWorkers) : 1;
        if (workers <= 1)
        {
            StatRange(fd, listing, 0, queued);
            return;
        }

        var chunk = (queued + workers - 1) / workers;
        Parallel.For(0, workers, worker => StatRange(fd, listing, worker * chunk, Math.Min(queued, (worker + 1) * chunk)));
    }

    private static void StatRange(int fd, DirectoryListing listing, int from, int to)
    {
        const uint Mask = Libc.STATX_TYPE | Libc.STATX_MODE | Libc.STATX_SIZE | Libc.STATX_MTIME;
        var buffer = stackalloc byte[StatxBufferSize];
        for (var q = from; q < to; q++)
        {
            var n = listing.StatQueue[q];
            var (offset, _, _) = listing.Entry(n);
            ref var stat = ref listing.Stats[n];
            fixed (byte* name = &listing.Names[offset])
            {
                if (Libc.Statx(fd, name, Libc.AT_SYMLINK_NOFOLLOW, Mask, buffer) != 0)
                {
                    stat.Errno = Marshal.GetLastPInvokeError();
                    continue;
                }
            }

            stat.Errno = 0;
            stat.Mode = *(ushort*)(buffer + StatxModeOffset);
            stat.Size = *(long*)(buffer + StatxSizeOffset);
            stat.ModifiedUnixMilliseconds = (*(long*)(buffer + StatxMtimeOffset) * 1000) + (*(uint*)(buffer + StatxMtimeOffset + 8) / 1_000_000);
        }
    }

    private ScanAction VisitClassifiedFile(string root, int fd, byte* name, ReadOnlySpan<byte> relative, DirectoryListing listing, int n, IScanVisitor visitor)
    {
        _files++;
        if (listing.Kinds[n] == FileKind.NotIncluded)
        {
            visitor.OnNotIncluded(relative);
            return ScanAction.Continue;
        }

        var stat = listing.Stats[n];
        if (stat.Errno != 0)
        {
            if (stat.Errno != Libc.ENOENT)
            {
                visitor.OnError(relative, "stat", stat.Errno);
            }

            return ScanAction.Continue;
        }

        if ((stat.Mode & Libc.S_IFMT) != Libc.S_IFREG)
        {
            // Replaced by something else since it was listed.
            return ScanAction.Continue;
        }

        if (listing.Kinds[n] == FileKind.Excluded)
        {
            visitor.OnExcludedFile(relative, stat.Size, listing.ExcludedBy[n]!);
            return ScanAction.Continue;
        }

        return visitor.OnCandidate(new ScanEntry(root, relative, fd, name, stat.Size, stat.ModifiedUnixMilliseconds));
    }

    private ScanAction VisitFile(string root, int fd, byte* name, ReadOnlySpan<byte> relative, bool haveStat, IScanVisitor visitor)
    {
        _files++;
        var excludedBy = _exclude.FirstMatch(relative);
        if (excludedBy is null && !_include.IsMatch(relative))
        {
            visitor.OnNotIncluded(relative);
            return ScanAction.Continue;
        }

        if (!haveStat && !Stat(fd, name, visitor, relative))
        {
            return ScanAction.Continue;
        }

        if ((*(ushort*)(_statx + StatxModeOffset) & Libc.S_IFMT) != Libc.S_IFREG)
        {
            // Replaced by something else since it was listed.
            return ScanAction.Continue;
        }

        var size = *(long*)(_statx + StatxSizeOffset);
        if (excludedBy is not null)
        {
            visitor.OnExcludedFile(relative, size, excludedBy.Pattern);
            return ScanAction.Continue;
        }

        var seconds = *(long*)(_statx + StatxMtimeOffset);
        var nanoseconds = *(uint*)(_statx + StatxMtimeOffset + 8);
        var modified = (seconds * 1000) + (nanoseconds / 1_000_000);
        return visitor.OnCandidate(new ScanEntry(root, relative, fd, name, size, modified));
    }

    private bool Stat(int fd, byte* name, IScanVisitor visitor, ReadOnlySpan<byte> relative)
    {
        const uint Mask = Libc.STATX_TYPE | Libc.STATX_MODE | Libc.STATX_SIZE | Libc.STATX_MTIME;
        if (Libc.Statx(fd, name, Libc.AT_SYMLINK_NOFOLLOW, Mask, _statx) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno != Libc.ENOENT)
        {
            visitor.OnError(relative, "stat", errno);
        }

        return false;
    }

    private static string ReadLink(int fd, byte* name)
    {
        const int Size = 4096;
        var buffer = stackalloc byte[Size];
        var length = Libc.ReadLinkAt(fd, name, buffer, Size);
        return length < 0 ? "(target unreadable)" : Encoding.UTF8.GetString(buffer, (int)length);
    }

    private static byte TypeFromMode(ushort mode) => (mode & Libc.S_IFMT) switch
    {
        Libc.S_IFDIR => Libc.DT_DIR,
        Libc.S_IFREG => Libc.DT_REG,
        Libc.S_IFLNK => Libc.DT_LNK,
        _ => 1, // something else (DT_FIFO); never a candidate
    };

    private int AppendToPath(int pathLength, ReadOnlySpan<byte> name)
    {
        var needed = pathLength + 1 + name.Length;
        if (needed > _path.Length)
        {
            Array.Resize(ref _path, Math.Max(needed, _path.Length * 2));
        }

        var at = pathLength;
        if (pathLength > 0)
        {
            _path[at++] = (byte)'/';
        }

        name.CopyTo(_path.AsSpan(at));
        return at + name.Length;
    }
}
