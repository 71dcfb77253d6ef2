namespace Addons.Cleaner.Scanning;

/// <summary>Counts from one walk.</summary>
internal readonly record struct ScanResult(bool RootMissing, bool Stopped, long Files, long Directories);
