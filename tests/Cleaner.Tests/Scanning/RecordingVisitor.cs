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

    public List<string> TooDeep { get; } = [];

    public List<FileIdentity> Identities { get; } = [];

    /// <summary>Delete every candidate (through <see cref="ScanEntry.Delete"/>) and remove directories left empty.</summary>
    public bool Delete { get; init; }

    public List<string> RemovedDirectories { get; } = [];

    public List<string> Errors { get; } = [];

    public Func<string, ScanAction>? OnFile { get; init; }

    public ScanAction OnCandidate(in ScanEntry entry)
    {
        Candidates.Add((entry.RelativePath, entry.Size));
        Identities.Add(entry.Identity);
        if (Delete)
        {
            return entry.Delete() == 0 ? ScanAction.Deleted : ScanAction.Continue;
        }

        return OnFile?.Invoke(entry.RelativePath) ?? ScanAction.Continue;
    }

    public void OnSymlink(ReadOnlySpan<byte> relativePath, string target) => Symlinks.Add((Encoding.UTF8.GetString(relativePath), target));

    public void OnExcludedDirectory(ReadOnlySpan<byte> relativePath, string pattern) => ExcludedDirectories.Add(Encoding.UTF8.GetString(relativePath));

    public void OnExcludedFile(ReadOnlySpan<byte> relativePath, long size, string pattern) => ExcludedFiles.Add(Encoding.UTF8.GetString(relativePath));

    public List<string> NotIncluded { get; } = [];

    public void OnNotIncluded(ReadOnlySpan<byte> relativePath) => NotIncluded.Add(Encoding.UTF8.GetString(relativePath));

    public void OnError(ReadOnlySpan<byte> relativePath, string operation, int errno) => Errors.Add($"{operation} {Encoding.UTF8.GetString(relativePath)} {errno}");

    public void OnTooDeep(ReadOnlySpan<byte> relativePath, int maxDepth) => TooDeep.Add(Encoding.UTF8.GetString(relativePath));

    public bool OnDirectoryEmptied(in EmptiedDirectory directory)
    {
        if (!Delete || directory.RemoveIfEmpty() != 0)
        {
            return false;
        }

        RemovedDirectories.Add(Encoding.UTF8.GetString(directory.RelativePath));
        return true;
    }
}
