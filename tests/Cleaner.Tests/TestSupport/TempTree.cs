namespace Addons.Cleaner.Tests.TestSupport;

/// <summary>A real temporary directory tree, removed on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "cleaner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Creates a file with <paramref name="size"/> bytes, and its directories.</summary>
    public string File(string relative, int size = 1, DateTime? modifiedUtc = null)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, new byte[size]);
        if (modifiedUtc is { } time)
        {
            System.IO.File.SetLastWriteTimeUtc(path, time);
        }

        return path;
    }

    public string Dir(string relative) => Directory.CreateDirectory(PathOf(relative)).FullName;

    public void Symlink(string relative, string target)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.CreateSymbolicLink(path, target);
    }

    public bool Exists(string relative) => Path.Exists(PathOf(relative)) || new FileInfo(PathOf(relative)).LinkTarget is not null;

    /// <summary>Every file and symlink below the root (symlinks not followed), relative, '/'-separated, sorted.</summary>
    public List<string> Files()
    {
        var result = new List<string>();
        void Visit(DirectoryInfo directory)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                if (entry is FileInfo || entry.LinkTarget is not null)
                {
                    result.Add(Path.GetRelativePath(Root, entry.FullName).Replace('\\', '/'));
                }
                else if (entry is DirectoryInfo child)
                {
                    Visit(child);
                }
            }
        }

        Visit(new DirectoryInfo(Root));
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: a test may remove the whole tree.
        }
    }
}
