namespace Addons.Gss.Scanning;

/// <summary>A repository that could not be scanned, and why (shown in the summary; exit 3).</summary>
internal sealed record RepositoryFailure(string Repository, string Reason);
