using System.Text;
using Addons.Cleaner.Scanning;

namespace Addons.Cleaner.Tests.Scanning;

/// <summary>Records what a walk reports, in order.</summary>
internal sealed class RecordingVisitor : IScanVisitor
{
    public List<(string Path, long Size)> Candidates { get; } = [];

    public List<(string Path, string Target)> Symlinks { get; } = [];

    public List<string> ExcludedDirectories { get; } = [];

    public List<string> ExcludedFiles { get; } = [];

    public List<string> Errors { get; } = [];

    public Func<string, ScanAction>? OnFile { get; init; }

    public ScanAction OnCandidate(in ScanEntry entry)
    {
        Candidates.Add((entry.RelativePath, entry.Size));
        return OnFile?.Invoke(entry.RelativePath) ?? ScanAction.Continue;
    }

    public void OnSymlink(ReadOnlySpan<byte> relativePath, string target) => Symlinks.Add((Encoding.UTF8.GetString(relativePath), target));

    public void OnExcludedDirectory(ReadOnlySpan<byte> relativePath, string pattern) => ExcludedDirectories.Add(Encoding.UTF8.GetString(relativePath));

    public void OnExcludedFile(ReadOnlySpan<byte> relativePath, long size, string pattern) => ExcludedFiles.Add(Encoding.UTF8.GetString(relativePath));

    public List<string> NotIncluded { get; } = [];

    public void OnNotIncluded(ReadOnlySpan<byte> relativePath) => NotIncluded.Add(Encoding.UTF8.GetString(relativePath));

    public void OnError(ReadOnlySpan<byte> relativePath, string operation, int errno) => Errors.Add($"{operation} {Encoding.UTF8.GetString(relativePath)} {errno}");

    public bool OnDirectoryEmptied(in EmptiedDirectory directory) => false;
}
