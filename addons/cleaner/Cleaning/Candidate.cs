namespace Addons.Cleaner.Cleaning;

/// <summary>A file the oldest-first strategy may delete: its path relative to the target root (UTF-8), size and mtime.</summary>
internal readonly record struct Candidate(byte[] RelativePath, long Size, long ModifiedUnixMilliseconds);
