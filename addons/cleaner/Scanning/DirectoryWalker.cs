using System.Runtime.InteropServices;
using System.Text;
using Addons.Cleaner.Globbing;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>
/// Depth-first walk of one target root, entries of each directory in ordinal (byte) order, with an
/// explicit stack: no recursion, so no depth can overflow the thread's stack.
/// </summary>
/// <remarks>
/// Guarantees: lstat semantics — a symlink is reported and never followed; every directory is
/// opened relative to its parent's descriptor with <c>O_NOFOLLOW</c>, so nothing outside the root
/// is ever reached, even if a directory is swapped for a symlink during the walk; an excluded
/// directory is not entered; a directory deeper than <see cref="MaxDepth"/> is not entered (reported
/// once per directory through <see cref="IScanVisitor.OnTooDeep"/>); include patterns are tested on
/// regular files only; cancellation is checked before every entry.
/// Bounds: at most <see cref="DirectoryChain.DefaultMaxOpen"/> descriptors open however deep the tree
/// (<see cref="DirectoryChain"/>); memory is the relative path, a few integers per level and the
/// entries still to visit on the current path (<see cref="EntryArena"/>) — a few MB at 100,000 levels.
/// Cost: directories are read with <c>getdents64</c>, file types come from <c>d_type</c>, and only
/// candidate (and excluded) files are <c>statx</c>-ed — no allocation per file.
/// Caveats: not thread-safe; one walker per thread.
/// </remarks>
internal sealed unsafe class DirectoryWalker : IDisposable
{
    /// <summary>The default <see cref="MaxDepth"/>: 4096 levels, twice what a PATH_MAX path can hold.</summary>
    public const int DefaultMaxDepth = 4096;

    private const int DentsBufferSize = 64 * 1024;

    /// <summary>Below this many files in a directory, handing stats to other threads costs more than it saves.</summary>
    private const int ParallelStatThreshold = 48;

    /// <summary>statx scales with cores until the directory's lock and the dentry cache contend.</summary>
    private const int MaxStatWorkers = 4;

    private readonly GlobSet _include;
    private readonly GlobSet _exclude;
    private readonly byte* _dents;
    private readonly byte* _statx;
    private readonly EntryArena _arena = new();
    private readonly DirectoryChain _chain;
    private readonly List<int> _statQueue = [];
    private Frame[] _frames = new Frame[64];
    private int _depth;
    private byte[] _path = new byte[4096];
    private byte[] _scratch = new byte[256];
    private long _files;
    private long _directories;

    public DirectoryWalker(GlobSet include, GlobSet exclude, int maxDepth = DefaultMaxDepth, int maxOpenDescriptors = DirectoryChain.DefaultMaxOpen)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        _include = include;
        _exclude = exclude;
        MaxDepth = maxDepth;
        _chain = new DirectoryChain(maxOpenDescriptors);
        _dents = (byte*)NativeMemory.AlignedAlloc(DentsBufferSize, 8);
        _statx = (byte*)NativeMemory.AlignedAlloc(StatxFields.BufferSize, 8);
    }

    ~DirectoryWalker() => Free();

    /// <summary>Entries deeper than this below the root (its entries are at depth 1) are not visited.</summary>
    public int MaxDepth { get; }

    /// <summary>The most descriptors the last walk held open at once (for tests).</summary>
    public int PeakOpenDescriptors { get; private set; }

    public ScanResult Walk(string root, IScanVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        _files = 0;
        _directories = 0;
        PeakOpenDescriptors = 0;
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

        var resetErrno = _chain.Reset(fd);
        if (resetErrno != 0)
        {
            visitor.OnError([], "open", resetErrno);
            return new ScanResult(RootMissing: false, Stopped: false, 0, 0);
        }

        try
        {
            _depth = 0;
            Enter(0, visitor);
            var stopped = !Run(root, visitor, cancellationToken);
            return new ScanResult(RootMissing: false, stopped, _files, _directories);
        }
        finally
        {
            _chain.Dispose();
            _arena.Truncate(0, 0);
        }
    }

    public void Dispose()
    {
        _chain.Dispose();
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        NativeMemory.AlignedFree(_dents);
        NativeMemory.AlignedFree(_statx);
    }

    /// <summary>The traversal: visits entries of the top directory, descending and climbing. Returns false when the walk must stop.</summary>
    private bool Run(string root, IScanVisitor visitor, CancellationToken cancellationToken)
    {
        while (true)
        {
            ref var frame = ref _frames[_depth];
            if (frame.Cursor == frame.End || _chain.IsTopLost)
            {
                if (_depth == 0)
                {
                    return true;
                }

                Leave(visitor);
                continue;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var n = frame.Cursor++;
            var action = VisitEntry(root, n, frame.PathLength, visitor);
            if (action == ScanAction.Stop)
            {
                return false;
            }

            if (action == ScanAction.Deleted)
            {
                _frames[_depth].Removed = true;
            }
        }
    }

    /// <summary>Pushes a frame for the directory just pushed on the chain and reads its entries.</summary>
    private void Enter(int pathLength, IScanVisitor visitor)
    {
        _directories++;
        PeakOpenDescriptors = Math.Max(PeakOpenDescriptors, _chain.OpenDescriptors);
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _depth * 2);
        }

        var start = _arena.Count;
        var namesMark = _arena.NamesLength;
        if (!_arena.Append(_chain.Top, _dents, DentsBufferSize, out var errno))
        {
            visitor.OnError(_path.AsSpan(0, pathLength), "read directory", errno);
            _arena.Truncate(start, namesMark);
        }

        _frames[_depth] = new Frame { Start = start, End = _arena.Count, Cursor = start, PathLength = pathLength, NamesMark = namesMark };
        ClassifyAndStatFiles(start, _arena.Count, pathLength);
    }

    /// <summary>Leaves the top directory: drops its entries, climbs to its parent and offers it for removal when something inside was removed.</summary>
    private void Leave(IScanVisitor visitor)
    {
        var child = _frames[_depth];
        _arena.Truncate(child.Start, child.NamesMark);
        _depth--;
        var parentPathLength = _frames[_depth].PathLength;
        var errno = _chain.Pop();
        if (errno != 0)
        {
            // The parent was moved or replaced while we were below it: what is left of it is skipped.
            visitor.OnError(_path.AsSpan(0, parentPathLength), "reopen directory", errno);
            return;
        }

        if (!child.Removed || _chain.IsTopLost)
        {
            return;
        }

        var nameStart = parentPathLength == 0 ? 0 : parentPathLength + 1;
        var nameLength = child.PathLength - nameStart;
        if (_scratch.Length < nameLength + 1)
        {
            _scratch = new byte[Math.Max(nameLength + 1, _scratch.Length * 2)];
        }

        _path.AsSpan(nameStart, nameLength).CopyTo(_scratch);
        _scratch[nameLength] = 0;
        fixed (byte* name = _scratch)
        {
            if (visitor.OnDirectoryEmptied(new EmptiedDirectory(_path.AsSpan(0, child.PathLength), _chain.Top, name)))
            {
                _frames[_depth].Removed = true;
            }
        }
    }

    private ScanAction VisitEntry(string root, int n, int pathLength, IScanVisitor visitor)
    {
        var entries = _arena.Entries;
        var entryLength = AppendToPath(pathLength, _arena.Name(n));
        var relative = _path.AsSpan(0, entryLength);
        var fd = _chain.Top;
        fixed (byte* name = &_arena.Names[entries[n].NameOffset])
        {
            var type = entries[n].Type;
            var haveStat = false;
            if (type == Libc.DT_UNKNOWN)
            {
                // Some filesystems do not fill d_type; ask, without following a symlink.
                if (!Stat(fd, name, visitor, relative))
                {
                    return ScanAction.Continue;
                }

                haveStat = true;
                type = TypeFromMode(StatxFields.Mode(_statx));
            }

            switch (type)
            {
                case Libc.DT_LNK:
                    visitor.OnSymlink(relative, ReadLink(fd, name));
                    return ScanAction.Continue;
                case Libc.DT_DIR:
                    VisitDirectory(name, entryLength, visitor);
                    return ScanAction.Continue;
                case Libc.DT_REG:
                    return entries[n].Kind == FileKind.Unclassified
                        ? VisitFile(root, fd, name, relative, haveStat, visitor)
                        : VisitClassifiedFile(root, fd, name, relative, n, visitor);
                default:
                    // FIFOs, sockets and devices are neither deleted nor reported: they are not files a
                    // workload leaves behind to take space.
                    return ScanAction.Continue;
            }
        }
    }

    private void VisitDirectory(byte* name, int pathLength, IScanVisitor visitor)
    {
        var relative = _path.AsSpan(0, pathLength);
        foreach (var glob in _exclude.Globs)
        {
            if (glob.IsMatch(relative) || glob.MatchesEverythingBelow(relative))
            {
                visitor.OnExcludedDirectory(relative, glob.Pattern);
                return;
            }
        }

        if (_depth + 1 >= MaxDepth)
        {
            // Its entries would be deeper than the limit.
            visitor.OnTooDeep(relative, MaxDepth);
            return;
        }

        var errno = _chain.Push(name);
        if (errno != 0)
        {
            if (errno != Libc.ENOENT)
            {
                // ELOOP/ENOTDIR: swapped for a symlink or a file since it was listed; never followed.
                visitor.OnError(relative, "open directory", errno);
            }

            return;
        }

        _depth++;
        Enter(pathLength, visitor);
    }

    /// <summary>
    /// Matches every regular file of the directory against the patterns, then stats those that need it
    /// (candidates for their identity, excluded ones for the log) — on several threads when there are
    /// many, because statx is most of a scan's cost. Results are consumed in order afterwards, so the
    /// walk order and the "stop before the next file" guarantee are unchanged.
    /// </summary>
    private void ClassifyAndStatFiles(int start, int end, int pathLength)
    {
        var entries = _arena.Entries;
        var queue = _statQueue;
        queue.Clear();
        for (var n = start; n < end; n++)
        {
            entries[n].Kind = FileKind.Unclassified;
            if (entries[n].Type != Libc.DT_REG)
            {
                continue;
            }

            var relative = _path.AsSpan(0, AppendToPath(pathLength, _arena.Name(n)));
            var excludedBy = _exclude.FirstMatch(relative);
            entries[n].ExcludedBy = excludedBy?.Pattern;
            if (excludedBy is null && !_include.IsMatch(relative))
            {
                entries[n].Kind = FileKind.NotIncluded;
                continue;
            }

            entries[n].Kind = excludedBy is null ? FileKind.Candidate : FileKind.Excluded;
            queue.Add(n);
        }

        var fd = _chain.Top;
        var names = _arena.Names;
        var workers = queue.Count >= ParallelStatThreshold ? Math.Min(Environment.ProcessorCount, MaxStatWorkers) : 1;
        if (workers <= 1)
        {
            StatRange(fd, entries, names, queue, 0, queue.Count);
            return;
        }

        var chunk = (queue.Count + workers - 1) / workers;
        Parallel.For(0, workers, worker => StatRange(fd, entries, names, queue, worker * chunk, Math.Min(queue.Count, (worker + 1) * chunk)));
    }

    private static void StatRange(int fd, DirectoryEntry[] entries, byte[] names, List<int> queue, int from, int to)
    {
        var buffer = stackalloc byte[StatxFields.BufferSize];
        for (var q = from; q < to; q++)
        {
            ref var entry = ref entries[queue[q]];
            fixed (byte* name = &names[entry.NameOffset])
            {
                if (Libc.Statx(fd, name, Libc.AT_SYMLINK_NOFOLLOW, StatxFields.FileMask, buffer) != 0)
                {
                    entry.Errno = Marshal.GetLastPInvokeError();
                    continue;
                }
            }

            entry.Errno = 0;
            entry.Mode = StatxFields.Mode(buffer);
            entry.Identity = FileIdentity.From(buffer);
        }
    }

    private ScanAction VisitClassifiedFile(string root, int fd, byte* name, ReadOnlySpan<byte> relative, int n, IScanVisitor visitor)
    {
        _files++;
        ref var entry = ref _arena.Entries[n];
        if (entry.Kind == FileKind.NotIncluded)
        {
            visitor.OnNotIncluded(relative);
            return ScanAction.Continue;
        }

        if (entry.Errno != 0)
        {
            if (entry.Errno != Libc.ENOENT)
            {
                visitor.OnError(relative, "stat", entry.Errno);
            }

            return ScanAction.Continue;
        }

        if ((entry.Mode & Libc.S_IFMT) != Libc.S_IFREG)
        {
            // Replaced by something else since it was listed.
            return ScanAction.Continue;
        }

        if (entry.Kind == FileKind.Excluded)
        {
            visitor.OnExcludedFile(relative, entry.Identity.Size, entry.ExcludedBy!);
            return ScanAction.Continue;
        }

        return visitor.OnCandidate(new ScanEntry(root, relative, fd, name, entry.Identity));
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

        if (!StatxFields.IsRegularFile(_statx))
        {
            // Replaced by something else since it was listed.
            return ScanAction.Continue;
        }

        var identity = FileIdentity.From(_statx);
        if (excludedBy is not null)
        {
            visitor.OnExcludedFile(relative, identity.Size, excludedBy.Pattern);
            return ScanAction.Continue;
        }

        return visitor.OnCandidate(new ScanEntry(root, relative, fd, name, identity));
    }

    private bool Stat(int fd, byte* name, IScanVisitor visitor, ReadOnlySpan<byte> relative)
    {
        if (Libc.Statx(fd, name, Libc.AT_SYMLINK_NOFOLLOW, StatxFields.FileMask, _statx) == 0)
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

    /// <summary>One directory on the current path: its entries' range in the arena and where the walk is in it.</summary>
    private struct Frame
    {
        public int Start;
        public int End;
        public int Cursor;
        public int PathLength;
        public int NamesMark;
        public bool Removed;
    }
}
