namespace Addons.Kit.Testing.GitHub;

/// <summary>A repository: name, archived flag and its Actions workflows (files under <c>.github/workflows</c>).</summary>
public sealed class GitHubRepository(long id, string name)
{
    /// <summary>The numeric id GitHub gives it.</summary>
    public long Id { get; } = id;

    /// <summary>The repository name (without the owner).</summary>
    public string Name { get; } = name;

    /// <summary>Whether the repository is archived.</summary>
    public bool Archived { get; set; }

    /// <summary>The workflows, listed in this order by <c>GET …/actions/workflows</c>.</summary>
    public List<GitHubWorkflowFile> Workflows { get; } = [];

    /// <summary>Extra files served by the contents API (path → text), besides the workflow files.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
}
