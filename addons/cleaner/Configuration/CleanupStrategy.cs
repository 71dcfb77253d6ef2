namespace Addons.Cleaner.Configuration;

/// <summary>Which matching files a cycle deletes once a path is over its threshold.</summary>
internal enum CleanupStrategy
{
    /// <summary>Every matching file, in walk order (the original's behaviour).</summary>
    All,

    /// <summary>Least recently modified first, until usage is at or below <c>--target-usage-percent</c>.</summary>
    OldestFirst,
}
