using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Slack;

/// <summary>One request the <see cref="SlackFake"/> received, whatever it answered.</summary>
/// <param name="Path">The request path, e.g. <c>/api/canvases.edit</c> or <c>/services/T0/B0/x</c>.</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="Body">The raw body.</param>
/// <param name="Json">The body parsed as JSON, or null when it is not JSON.</param>
/// <param name="StatusCode">The HTTP status answered.</param>
/// <param name="Error">Slack's <c>error</c> when the answer was <c>ok:false</c>, else null.</param>
public sealed record SlackRequest(string Path, string? Authorization, string Body, JsonNode? Json, int StatusCode, string? Error);
