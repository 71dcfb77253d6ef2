using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.GitHub;

/// <summary>The JSON bodies of the emulated REST API, shaped like GitHub's (the fields clients read).</summary>
internal static class GitHubJson
{
    private const string Created = "2024-01-02T03:04:05Z";

    public static JsonObject Meta(string version) => new()
    {
        ["verifiable_password_authentication"] = true,
        ["installed_version"] = version,
        ["hooks"] = new JsonArray(),
    };

    public static JsonObject Repository(string api, string web, string org, GitHubRepository repo) => new()
    {
        ["id"] = repo.Id,
        ["node_id"] = "R_" + repo.Id.ToString(CultureInfo.InvariantCulture),
        ["name"] = repo.Name,
        ["full_name"] = org + "/" + repo.Name,
        ["private"] = true,
        ["owner"] = new JsonObject { ["login"] = org, ["type"] = "Organization" },
        ["html_url"] = $"{web}/{org}/{repo.Name}",
        ["url"] = $"{api}/repos/{org}/{repo.Name}",
        ["archived"] = repo.Archived,
        ["disabled"] = false,
        ["fork"] = false,
        ["default_branch"] = "main",
    };

    public static JsonObject Workflow(string api, string web, string org, string repo, GitHubWorkflowFile workflow) => new()
    {
        ["id"] = workflow.Id,
        ["node_id"] = "W_" + workflow.Id.ToString(CultureInfo.InvariantCulture),
        ["name"] = workflow.Name,
        ["path"] = workflow.Path,
        ["state"] = "active",
        ["created_at"] = Created,
        ["updated_at"] = Created,
        ["url"] = $"{api}/repos/{org}/{repo}/actions/workflows/{workflow.Id}",
        ["html_url"] = $"{web}/{org}/{repo}/blob/main/{workflow.Path}",
        ["badge_url"] = $"{web}/{org}/{repo}/workflows/{Uri.EscapeDataString(workflow.Name)}/badge.svg",
    };

    public static JsonObject Contents(string api, string web, string org, string repo, string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        // GitHub wraps base64 content at 60 characters with '\n'.
        var base64 = Convert.ToBase64String(bytes);
        var wrapped = new StringBuilder();
        for (var i = 0; i < base64.Length; i += 60)
        {
            wrapped.Append(base64.AsSpan(i, Math.Min(60, base64.Length - i))).Append('\n');
        }

        return new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = bytes.Length,
            ["name"] = path[(path.LastIndexOf('/') + 1)..],
            ["path"] = path,
            ["content"] = wrapped.ToString(),
            ["sha"] = Sha(text),
            ["url"] = $"{api}/repos/{org}/{repo}/contents/{path}",
            ["html_url"] = $"{web}/{org}/{repo}/blob/main/{path}",
            ["download_url"] = $"{web}/{org}/{repo}/raw/main/{path}",
        };
    }

    public static JsonObject Run(string api, string web, string org, string repo, GitHubWorkflowFile workflow, GitHubRun run) => new()
    {
        ["id"] = run.Id,
        ["name"] = workflow.Name,
        ["workflow_id"] = workflow.Id,
        ["event"] = "schedule",
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["run_number"] = run.Id % 1000,
        ["created_at"] = Created,
        ["url"] = $"{api}/repos/{org}/{repo}/actions/runs/{run.Id}",
        ["html_url"] = $"{web}/{org}/{repo}/actions/runs/{run.Id}",
    };

    public static JsonObject Commit(string api, string web, string org, string repo, GitHubWorkflowFile workflow)
    {
        var sha = Sha(workflow.Path + workflow.LastAuthor);
        return new JsonObject
        {
            ["sha"] = sha,
            ["commit"] = new JsonObject
            {
                ["author"] = new JsonObject { ["name"] = workflow.LastAuthor ?? "Former Employee", ["email"] = "dev@example.com", ["date"] = Created },
                ["message"] = "Update " + workflow.Path,
            },
            ["author"] = workflow.LastAuthor is null ? null : User(api, web, workflow.LastAuthor),
            ["url"] = $"{api}/repos/{org}/{repo}/commits/{sha}",
            ["html_url"] = $"{web}/{org}/{repo}/commit/{sha}",
        };
    }

    public static JsonObject User(string api, string web, string login) => new()
    {
        ["login"] = login,
        ["id"] = Math.Abs(login.GetHashCode(StringComparison.Ordinal)),
        ["type"] = "User",
        ["site_admin"] = false,
        ["url"] = $"{api}/users/{login}",
        ["html_url"] = $"{web}/{login}",
    };

    public static JsonObject Error(string message) => new()
    {
        ["message"] = message,
        ["documentation_url"] = "https://docs.github.com/enterprise-server@3.14/rest",
    };

    private static string Sha(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}
