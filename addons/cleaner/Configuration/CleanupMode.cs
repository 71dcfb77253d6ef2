namespace Addons.Cleaner.Configuration;

/// <summary>How often the cleaner runs a cycle.</summary>
internal enum CleanupMode
{
    /// <summary>One cycle, then exit (init container).</summary>
    Once,

    /// <summary>One cycle at start, then one every <c>--check-interval-minutes</c> (sidecar, DaemonSet).</summary>
    Interval,
}
