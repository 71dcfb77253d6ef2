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
