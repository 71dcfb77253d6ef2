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
}
