using System.Text;

namespace Addons.Cleaner.Scanning;

/// <summary>Joins a target root and a relative path for display.</summary>
internal static class ScanPaths
{
    public static string Join(string root, ReadOnlySpan<byte> relativePath)
    {
        var relative = Encoding.UTF8.GetString(relativePath);
        if (relative.Length == 0)
        {
            return root;
        }

        return root.EndsWith('/') ? root + relative : root + "/" + relative;
    }

    /// <summary>Like <see cref="Join"/>, for a relative path whose separators were replaced by NULs (first <paramref name="length"/> bytes).</summary>
    public static string JoinNulSeparated(string root, byte[] relativePath, int length)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var copy = relativePath.AsSpan(0, length).ToArray();
        copy.AsSpan().Replace((byte)0, (byte)'/');
        return Join(root, copy);
    }
}
