namespace Addons.Cleaner.Scanning;

/// <summary>What a visitor did with a candidate file.</summary>
internal enum ScanAction
{
    /// <summary>Kept (or only reported, in a dry run); go on.</summary>
    Continue,

    /// <summary>Deleted; the walk remembers that its directory may now be empty.</summary>
    Deleted,

    /// <summary>Stop the walk now (shutdown, or a target reached).</summary>
    Stop,
}
