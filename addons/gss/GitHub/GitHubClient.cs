using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Addons.Gss.GitHub;

/// <summary>
/// The typed GitHub REST calls gss makes. Lists follow <c>Link: rel="next"</c> to the last page (never
/// "until an empty page"). Errors are <see cref="GitHubApiException"/>; 404 is an answer where it means
/// "none" (a missing file, a deleted user).
/// </summary>
internal sealed class GitHubClient(GitHubHttp http)
{
    /// <summary>The counters of the underlying HTTP client.</summary>
    public GitHubStats Stats => http.Stats;

    public Task<List<Repository>> ListOrganizationRepositoriesAsync(string org, CancellationToken ct) =>
        ListAllAsync($"/orgs/{Escape(org)}/repos?per_page=100", GitHubJsonContext.Default.ListRepository, page => page, ct);

    public Task<List<Workflow>> ListWorkflowsAsync(string org, string repo, CancellationToken ct) =>
        ListAllAsync($"/repos/{Escape(org)}/{Escape(repo)}/actions/workflows?per_page=100", GitHubJsonContext.Default.WorkflowPage, page => page.Workflows, ct);

    /// <summary>The decoded text of a file, or null when it does not exist.</summary>
    public async Task<string?> GetFileTextAsync(string org, string repo, string path, CancellationToken ct)
    {
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var response = await http.GetAsync($"/repos/{Escape(org)}/{Escape(repo)}/contents/{escaped}", ct);
        if (response.Status == HttpStatusCode.NotFound)
        {
            return null;
        }

        var file = Parse(response, GitHubJsonContext.Default.ContentFile, path);
        if (file.Encoding != "base64" || file.Content is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(file.Content.Replace("\n", "", StringComparison.Ordinal)));
        }
        catch (FormatException e)
        {
            throw new GitHubApiException(path, null, "contents are not valid base64", e);
        }
    }

    /// <summary>The latest run of a workflow, or null when it never ran.</summary>
    public async Task<WorkflowRun?> GetLatestRunAsync(string org, string repo, long workflowId, CancellationToken ct)
    {
        var response = await http.GetAsync($"/repos/{Escape(org)}/{Escape(repo)}/actions/workflows/{workflowId}/runs?per_page=1", ct);
        return response.Status == HttpStatusCode.NotFound ? null : Parse(response, GitHubJsonContext.Default.RunPage, "runs").WorkflowRuns.FirstOrDefault();
    }

    /// <summary>The login of the last commit's author of a path; null when the commit has no linked account or there is no commit.</summary>
    public async Task<string?> GetLastAuthorAsync(string org, string repo, string path, CancellationToken ct)
    {
        var response = await http.GetAsync($"/repos/{Escape(org)}/{Escape(repo)}/commits?path={Uri.EscapeDataString(path)}&per_page=1", ct);
        return response.Status == HttpStatusCode.NotFound ? null : Parse(response, GitHubJsonContext.Default.ListCommitItem, "commits").FirstOrDefault()?.Author?.Login;
    }

    /// <summary>Whether the account exists (200) or not (404).</summary>
    public async Task<bool> UserExistsAsync(string login, CancellationToken ct) =>
        (await http.GetAsync($"/users/{Escape(login)}", ct)).Status == HttpStatusCode.OK;

    private async Task<List<TItem>> ListAllAsync<TPage, TItem>(string first, JsonTypeInfo<TPage> type, Func<TPage, IReadOnlyList<TItem>> items, CancellationToken ct)
    {
        var all = new List<TItem>();
        var response = await http.GetAsync(first, ct);
        while (true)
        {
            if (response.Status == HttpStatusCode.NotFound)
            {
                throw new GitHubApiException(first, HttpStatusCode.NotFound, "Not Found");
            }

            all.AddRange(items(Parse(response, type, first)));
            if (response.Next is not { } next)
            {
                return all;
            }

            response = await http.GetAsync(next, ct);
        }
    }

    private static T Parse<T>(GitHubResponse response, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new GitHubApiException(what, response.Status, "empty body");
        }
        catch (JsonException e)
        {
            throw new GitHubApiException(what, response.Status, "unexpected JSON: " + e.Message, e);
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
