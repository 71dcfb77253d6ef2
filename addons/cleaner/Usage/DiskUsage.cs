namespace Addons.Cleaner.Usage;

/// <summary>
/// Usage of the filesystem holding a path, as <c>df</c> computes it: used = total − available to
/// unprivileged users, so reserved blocks count as used.
/// </summary>
internal readonly record struct DiskUsage(ulong TotalBytes, ulong AvailableBytes)
{
    public ulong UsedBytes => TotalBytes - Math.Min(AvailableBytes, TotalBytes);

    /// <summary><c>(blocks − bavail) / blocks × 100</c>; 0 when the filesystem reports no blocks.</summary>
    public double Percent => TotalBytes == 0 ? 0 : UsedBytes * 100.0 / TotalBytes;

    /// <summary>Usage once <paramref name="freedBytes"/> more are available (dry-run projection).</summary>
    public DiskUsage AfterFreeing(ulong freedBytes) =>
        this with { AvailableBytes = Math.Min(TotalBytes, AvailableBytes + freedBytes) };
}
