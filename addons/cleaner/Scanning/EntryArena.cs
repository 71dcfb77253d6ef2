using System.Runtime.InteropServices;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>
/// The entries of every directory on the walk's current path, as one stack: a directory's entries are
/// appended when it is entered and dropped when it is left, so memory follows the entries still to
/// visit, not the depth (a chain of 100,000 one-entry directories holds 100,000 small records, not
/// 100,000 listings).
/// </summary>
internal sealed unsafe class EntryArena
{
    private const int RecordLengthOffset = 16;
    private const int TypeOffset = 18;
    private const int NameOffset = 19;

    public DirectoryEntry[] Entries { get; private set; } = new DirectoryEntry[256];

    /// <summary>Names, each followed by a NUL so it can be passed to libc as is.</summary>
    public byte[] Names { get; private set; } = new byte[16 * 1024];

    public int Count { get; private set; }

    public int NamesLength { get; private set; }

    public ReadOnlySpan<byte> Name(int index) => Names.AsSpan(Entries[index].NameOffset, Entries[index].NameLength);

    /// <summary>Appends the entries of the directory open as <paramref name="fd"/> (not <c>.</c> and <c>..</c>), sorted by name bytes.</summary>
    public bool Append(int fd, byte* buffer, int bufferSize, out int errno)
    {
        var start = Count;
        errno = 0;
        while (true)
        {
            var read = Libc.GetDents64(fd, buffer, (nuint)bufferSize);
            if (read == 0)
            {
                break;
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

        Entries.AsSpan(start, Count - start).Sort(new NameOrder(Names));
        return true;
    }

    /// <summary>Drops everything appended after the given marks.</summary>
    public void Truncate(int count, int namesLength)
    {
        Entries.AsSpan(count, Count - count).Clear();
        Count = count;
        NamesLength = namesLength;
    }

    private void Add(ReadOnlySpan<byte> name, byte type)
    {
        if (Count == Entries.Length)
        {
            var entries = Entries;
            Array.Resize(ref entries, Count * 2);
            Entries = entries;
        }

        if (NamesLength + name.Length + 1 > Names.Length)
        {
            var names = Names;
            Array.Resize(ref names, Math.Max(Names.Length * 2, NamesLength + name.Length + 1));
            Names = names;
        }

        name.CopyTo(Names.AsSpan(NamesLength));
        Names[NamesLength + name.Length] = 0;
        Entries[Count] = new DirectoryEntry { NameOffset = NamesLength, NameLength = name.Length, Type = type };
        NamesLength += name.Length + 1;
        Count++;
    }

    private readonly struct NameOrder(byte[] names) : IComparer<DirectoryEntry>
    {
        public int Compare(DirectoryEntry x, DirectoryEntry y) =>
            names.AsSpan(x.NameOffset, x.NameLength).SequenceCompareTo(names.AsSpan(y.NameOffset, y.NameLength));
    }
}
