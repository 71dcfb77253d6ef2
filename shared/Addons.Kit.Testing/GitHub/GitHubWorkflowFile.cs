namespace Addons.Kit.Testing.GitHub;

/// <summary>
/// An Actions workflow: its registration (id, name, path) and its file (YAML text, the login of the
/// last commit's author) and its runs, newest first.
/// </summary>
public sealed class GitHubWorkflowFile(long id, string name, string path, string yaml)
{
    /// <summary>The workflow id.</summary>
    public long Id { get; } = id;

    /// <summary>The workflow's display name.</summary>
    public string Name { get; } = name;

    /// <summary>The file path, e.g. <c>.github/workflows/nightly.yml</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The file's YAML (served base64-encoded by the contents API); null = the file is gone (404).</summary>
    public string? Yaml { get; set; } = yaml;

    /// <summary>Login of the last commit's author; null = the commit has no linked account (<c>"author": null</c>).</summary>
    public string? LastAuthor { get; set; }

    /// <summary>Runs, newest first; empty = never run.</summary>
    public List<GitHubRun> Runs { get; } = [];
}
