using System.Runtime.InteropServices;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>
/// The entries of one directory, read with <c>getdents64</c> into reusable arrays (one listing per
/// depth, reused for every directory at that depth) and sorted by name bytes.
/// </summary>
internal sealed unsafe class DirectoryListing
{
    private const int RecordLengthOffset = 16;
    private const int TypeOffset = 18;
    private const int NameOffset = 19;

    private int[] _offsets = new int[64];
    private int[] _lengths = new int[64];
    private byte[] _types = new byte[64];
    private int[] _order = new int[64];
    private int _namesLength;

    /// <summary>Per sorted index: what the walk decided for a regular file before stat-ing it.</summary>
    public FileKind[] Kinds { get; private set; } = new FileKind[64];

    /// <summary>Per sorted index: the exclude pattern that matched (for <see cref="FileKind.Excluded"/>).</summary>
    public string?[] ExcludedBy { get; private set; } = new string?[64];

    /// <summary>Per sorted index: statx results (errno 0 when it succeeded).</summary>
    public FileStat[] Stats { get; private set; } = new FileStat[64];

    /// <summary>Sorted indexes of the files to stat.</summary>
    public int[] StatQueue { get; private set; } = new int[64];

    /// <summary>Names, each followed by a NUL so it can be passed to libc as is.</summary>
    public byte[] Names { get; private set; } = new byte[4096];

    public int Count { get; private set; }

    public (int Offset, int Length, byte Type) Entry(int index)
    {
        var i = _order[index];
        return (_offsets[i], _lengths[i], _types[i]);
    }

    public bool Read(int fd, byte* buffer, int bufferSize, out int errno)
    {
        Count = 0;
        _namesLength = 0;
        errno = 0;
        while (true)
        {
            var read = Libc.GetDents64(fd, buffer, (nuint)bufferSize);
            if (read == 0)
            {
                return true;
            }

            if (read < 0)
            {
                errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EINTR)
                {
                    continue;
                }

                return false;
            }

            for (nint position = 0; position < read;)
            {
                var record = buffer + position;
                var recordLength = *(ushort*)(record + RecordLengthOffset);
                var name = new ReadOnlySpan<byte>(record + NameOffset, recordLength - NameOffset);
                name = name[..name.IndexOf((byte)0)];
                position += recordLength;
                if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                {
                    continue;
                }

                Add(name, record[TypeOffset]);
            }
        }
    }

    public void Sort()
    {
        for (var i = 0; i < Count; i++)
        {
            _order[i] = i;
        }

        _order.AsSpan(0, Count).Sort(new NameOrder(Names, _offsets, _lengths));
    }

    private void Add(ReadOnlySpan<byte> name, byte type)
    {
        if (Count == _offsets.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _offsets, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _types, size);
            Array.Resize(ref _order, size);
            var kinds = Kinds;
            Array.Resize(ref kinds, size);
            Kinds = kinds;
            var excludedBy = ExcludedBy;
            Array.Resize(ref excludedBy, size);
            ExcludedBy = excludedBy;
            var stats = Stats;
            Array.Resize(ref stats, size);
            Stats = stats;
            var queue = StatQueue;
            Array.Resize(ref queue, size);
            StatQueue = queue;
        }

        if (_namesLength + name.Length + 1 > Names.Length)
        {
            var names = Names;
            Array.Resize(ref names, Math.Max(Names.Length * 2, _namesLength + name.Length + 1));
            Names = names;
        }

        name.CopyTo(Names.AsSpan(_namesLength));
        Names[_namesLength + name.Length] = 0;
        _offsets[Count] = _namesLength;
        _lengths[Count] = name.Length;
        _types[Count] = type;
        _namesLength += name.Length + 1;
        Count++;
    }

    private readonly struct NameOrder(byte[] names, int[] offsets, int[] lengths) : IComparer<int>
    {
        public int Compare(int x, int y) =>
            names.AsSpan(offsets[x], lengths[x]).SequenceCompareTo(names.AsSpan(offsets[y], lengths[y]));
    }
}

/// <summary>How the walk classified a regular file from its name alone.</summary>
internal enum FileKind : byte
{
    /// <summary>Not classified ahead (not a regular file per d_type).</summary>
    Unclassified,

    /// <summary>Matches no include pattern.</summary>
    NotIncluded,

    /// <summary>Matches an exclude pattern.</summary>
    Excluded,

    /// <summary>Matches an include pattern and no exclude pattern.</summary>
    Candidate,
}

/// <summary>What statx said about a file.</summary>
internal struct FileStat
{
    public int Errno;
    public ushort Mode;
    public long Size;
    public long ModifiedUnixMilliseconds;
}
