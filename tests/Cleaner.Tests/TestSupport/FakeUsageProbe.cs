using Addons.Cleaner.Usage;

namespace Addons.Cleaner.Tests.TestSupport;

/// <summary>
/// A usage probe whose filesystem is a fixed total; used bytes = a base plus the current size of
/// the files under the watched tree, so deleting files lowers usage as on a real disk.
/// </summary>
internal sealed class FakeUsageProbe(ulong totalBytes, Func<ulong> usedBytes) : IUsageProbe
{
    public int Calls { get; private set; }

    public static FakeUsageProbe Fixed(double percent) => new(10_000, () => (ulong)(percent * 100));

    public static FakeUsageProbe FromTree(string root, ulong totalBytes, ulong baseUsed) =>
        new(totalBytes, () => baseUsed + (ulong)new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length));

    public DiskUsage Measure(string path)
    {
        Calls++;
        if (!Directory.Exists(path))
        {
            throw new UsageProbeException(path, "No such file or directory");
        }

        var used = Math.Min(usedBytes(), totalBytes);
        return new DiskUsage(totalBytes, totalBytes - used);
    }
}
