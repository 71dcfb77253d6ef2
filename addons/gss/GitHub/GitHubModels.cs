using System.Text.Json.Serialization;

namespace Addons.Gss.GitHub;

/// <summary>A repository of <c>GET /orgs/{org}/repos</c> (the fields gss reads).</summary>
internal sealed record Repository(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("html_url")] string? HtmlUrl);

/// <summary>A page of <c>GET /repos/{o}/{r}/actions/workflows</c>.</summary>
internal sealed record WorkflowPage(
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("workflows")] IReadOnlyList<Workflow> Workflows);

/// <summary>An Actions workflow.</summary>
internal sealed record Workflow(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("html_url")] string? HtmlUrl);

/// <summary>A file of <c>GET /repos/{o}/{r}/contents/{path}</c>.</summary>
internal sealed record ContentFile(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("encoding")] string? Encoding,
    [property: JsonPropertyName("content")] string? Content);

/// <summary>A page of <c>GET …/actions/workflows/{id}/runs</c>.</summary>
internal sealed record RunPage(
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("workflow_runs")] IReadOnlyList<WorkflowRun> WorkflowRuns);

/// <summary>A workflow run.</summary>
internal sealed record WorkflowRun(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("conclusion")] string? Conclusion);

/// <summary>An item of <c>GET /repos/{o}/{r}/commits</c>; <see cref="Author"/> is null when no account is linked.</summary>
internal sealed record CommitItem(
    [property: JsonPropertyName("author")] Account? Author);

/// <summary>A user account.</summary>
internal sealed record Account(
    [property: JsonPropertyName("login")] string Login);

/// <summary>The body of <c>/meta</c> (only its presence is checked).</summary>
internal sealed record Meta(
    [property: JsonPropertyName("installed_version")] string? InstalledVersion);

/// <summary>GitHub's error body.</summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("message")] string? Message);
