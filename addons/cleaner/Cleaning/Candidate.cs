using Addons.Cleaner.Scanning;

namespace Addons.Cleaner.Cleaning;

/// <summary>A file the oldest-first strategy may delete: its path relative to the target root (UTF-8) and what the walk saw of it.</summary>
internal readonly record struct Candidate(byte[] RelativePath, FileIdentity Identity)
{
    public long Size => Identity.Size;

    public long ModifiedUnixMilliseconds => Identity.ModifiedUnixMilliseconds;
}
