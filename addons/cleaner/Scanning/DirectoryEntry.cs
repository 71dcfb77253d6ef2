namespace Addons.Cleaner.Scanning;

/// <summary>One entry of a directory being walked, in the <see cref="EntryArena"/>.</summary>
internal struct DirectoryEntry
{
    /// <summary>Where the name starts in <see cref="EntryArena.Names"/> (NUL-terminated there).</summary>
    public int NameOffset;

    public int NameLength;

    /// <summary>d_type from getdents64.</summary>
    public byte Type;

    /// <summary>What the walk decided for a regular file from its name, before stat-ing it.</summary>
    public FileKind Kind;

    /// <summary>0 when the stat succeeded, else its errno.</summary>
    public int Errno;

    public ushort Mode;

    public FileIdentity Identity;

    /// <summary>The exclude pattern that matched (for <see cref="FileKind.Excluded"/>).</summary>
    public string? ExcludedBy;
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
