using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.GitHub;

/// <summary>Routes and answers one request of the emulated GitHub REST API (paths with or without <c>/api/v3</c>).</summary>
internal sealed class GitHubApiHandler(GitHubEmulator emulator, GitHubEmulatorOptions options)
{
    private const string SecondaryLimitMessage =
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/api/v3", StringComparison.Ordinal))
        {
            path = path["/api/v3".Length..];
        }

        var segments = path.Trim('/').Split('/');
        var (route, repository) = Match(segments);
        var status = await AnswerAsync(context, route, repository, segments);
        emulator.Record(new GitHubRequest(request.Method, request.Path + request.QueryString, route, repository, status,
            request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null));
    }

    private static (GitHubRoute Route, string? Repository) Match(string[] s) => s switch
    {
        ["meta"] => (GitHubRoute.Meta, null),
        ["rate_limit"] => (GitHubRoute.RateLimit, null),
        ["orgs", _, "repos"] => (GitHubRoute.OrgRepos, null),
        ["users", _] => (GitHubRoute.Users, null),
        ["repos", _, var repo, "actions", "workflows"] => (GitHubRoute.Workflows, repo),
        ["repos", _, var repo, "actions", "workflows", _, "runs"] => (GitHubRoute.Runs, repo),
        ["repos", _, var repo, "commits"] => (GitHubRoute.Commits, repo),
        ["repos", _, var repo, "contents", ..] when s.Length > 4 => (GitHubRoute.Contents, repo),
        _ => (GitHubRoute.Unknown, null),
    };

    private async Task<int> AnswerAsync(HttpContext context, GitHubRoute route, string? repository, string[] segments)
    {
        var response = context.Response;
        var ct = context.RequestAborted;
        var delay = emulator.Faults.DelayFor(route);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, ct);
        }

        if (route != GitHubRoute.Meta && options.Token is { } token && !Authorized(context.Request, token))
        {
            return await WriteAsync(response, 401, GitHubJson.Error("Bad credentials"), ct);
        }

        if (emulator.Faults.Take(route, repository) is { } fault)
        {
            if (fault.RetryAfter is { } retryAfter)
            {
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            var message = fault.StatusCode is 403 or 429 && fault.RetryAfter is not null ? SecondaryLimitMessage : "Injected fault";
            return await WriteAsync(response, fault.StatusCode, GitHubJson.Error(message), ct);
        }

        var body = route == GitHubRoute.Unknown ? null : Build(context, route, segments);
        if (route is GitHubRoute.Meta)
        {
            return await WriteAsync(response, body is null ? 404 : 200, body ?? GitHubJson.Error("Not Found"), ct);
        }

        var text = (body ?? GitHubJson.Error("Not Found")).ToJsonString();
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32] + "\"";
        var notModified = body is not null && context.Request.Headers.IfNoneMatch.ToString() == etag;
        var allowed = emulator.RateLimit.TryCharge(notModified, out var snapshot);
        snapshot.Write(response.Headers);
        if (!allowed)
        {
            return await WriteAsync(response, 403, GitHubJson.Error("API rate limit exceeded for user ID 1."), ct);
        }

        if (body is null)
        {
            return await WriteAsync(response, 404, GitHubJson.Error("Not Found"), ct);
        }

        response.Headers.ETag = etag;
        if (notModified)
        {
            response.StatusCode = 304;
            return 304;
        }

        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(text, ct);
        return 200;
    }

    private static bool Authorized(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        return header == "token " + token || header == "Bearer " + token;
    }

    private JsonNode? Build(HttpContext context, GitHubRoute route, string[] s)
    {
        var request = context.Request;
        var web = emulator.BaseUrl;
        var api = emulator.ApiUrl;
        switch (route)
        {
            case GitHubRoute.Meta:
                return GitHubJson.Meta(options.InstalledVersion);
            case GitHubRoute.RateLimit:
                var core = new JsonObject { ["limit"] = emulator.RateLimit.Limit, ["remaining"] = emulator.RateLimit.Remaining };
                return new JsonObject { ["resources"] = new JsonObject { ["core"] = core }, ["rate"] = core.DeepClone() };
            case GitHubRoute.Users:
                return emulator.IsActiveUser(s[1]) ? GitHubJson.User(api, web, s[1]) : null;
        }

        var org = emulator.FindOrganization(s[1]);
        if (org is null)
        {
            return null;
        }

        if (route == GitHubRoute.OrgRepos)
        {
            var repos = org.Repositories.Select(r => (JsonNode)GitHubJson.Repository(api, web, org.Login, r)).ToList();
            return Page(context, repos, out _);
        }

        var repo = org.Repositories.Find(r => r.Name == s[2]);
        if (repo is null)
        {
            return null;
        }

        switch (route)
        {
            case GitHubRoute.Workflows:
                var all = repo.Workflows.Select(w => (JsonNode)GitHubJson.Workflow(api, web, org.Login, repo.Name, w)).ToList();
                return new JsonObject { ["total_count"] = all.Count, ["workflows"] = Page(context, all, out _) };
            case GitHubRoute.Runs:
                var workflow = repo.Workflows.Find(w => w.Id.ToString(CultureInfo.InvariantCulture) == s[5] || w.Path.EndsWith("/" + s[5], StringComparison.Ordinal));
                if (workflow is null)
                {
                    return null;
                }

                var runs = workflow.Runs.Select(r => (JsonNode)GitHubJson.Run(api, web, org.Login, repo.Name, workflow, r)).ToList();
                return new JsonObject { ["total_count"] = runs.Count, ["workflow_runs"] = Page(context, runs, out _) };
            case GitHubRoute.Commits:
                var filter = request.Query["path"].ToString();
                var commits = repo.Workflows
                    .Where(w => filter.Length == 0 || w.Path == filter)
                    .Select(w => (JsonNode)GitHubJson.Commit(api, web, org.Login, repo.Name, w)).ToList();
                return Page(context, commits, out _);
            case GitHubRoute.Contents:
                var filePath = Uri.UnescapeDataString(string.Join('/', s[4..]));
                var text = repo.Workflows.Find(w => w.Path == filePath)?.Yaml ?? repo.Files.GetValueOrDefault(filePath);
                return text is null ? null : GitHubJson.Contents(api, web, org.Login, repo.Name, filePath, text);
            default:
                return null;
        }
    }

    /// <summary>One page of <paramref name="items"/> per <c>per_page</c>/<c>page</c>, with GitHub's Link header.</summary>
    private JsonArray Page(HttpContext context, List<JsonNode> items, out int pages)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(IntOr(query["per_page"], 30), 1, options.MaxPerPage);
        var page = Math.Max(1, IntOr(query["page"], 1));
        pages = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < pages)
        {
            links.Add($"<{PageUrl(context, perPage, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(context, perPage, pages)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(context, perPage, 1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(context, perPage, page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        return new JsonArray(items.Skip((page - 1) * perPage).Take(perPage).Select(i => i.DeepClone()).ToArray());
    }

    private static string PageUrl(HttpContext context, int perPage, int page)
    {
        var request = context.Request;
        var rest = request.Query
            .Where(q => q.Key is not ("page" or "per_page"))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()));
        var query = string.Join('&', rest.Append("per_page=" + perPage.ToString(CultureInfo.InvariantCulture)).Append("page=" + page.ToString(CultureInfo.InvariantCulture)));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query}";
    }

    private static int IntOr(Microsoft.Extensions.Primitives.StringValues value, int fallback) =>
        int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;

    private static async Task<int> WriteAsync(HttpResponse response, int status, JsonNode body, CancellationToken ct)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(body.ToJsonString(), ct);
        return status;
    }
}
