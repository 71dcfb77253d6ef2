using System.Text.Json;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// The API server (or something in between: a proxy, a load balancer) answered with a body the client cannot use:
/// not JSON, JSON of the wrong shape or types, truncated, or larger than <see cref="KubeApiOptions.MaxResponseBytes"/>.
/// </summary>
/// <remarks>
/// Retry semantics: transient from the client's point of view (a proxy's error page goes away when the proxy
/// recovers), so watchers back off and retry; a CLI reports the one-line message and exits.
/// The message reads like <c>invalid response to list nodepools: not JSON (Content-Type text/html): …</c>;
/// it never contains the body itself (which may hold secrets).
/// </remarks>
public sealed class KubeResponseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KubeResponseException(string verb, string resource, string? name, string problem, Exception? innerException = null)
        : base(FormatMessage(verb, resource, name, problem), innerException)
    {
        Verb = verb;
        Resource = resource;
        Name = name;
    }

    /// <summary>The Kubernetes verb of the request.</summary>
    public string Verb { get; }

    /// <summary>The resource (plural, with <c>/subresource</c> if any).</summary>
    public string Resource { get; }

    /// <summary>The object name, when the request was about one object.</summary>
    public string? Name { get; }

    /// <summary>Describes why <paramref name="body"/> could not be decoded, without quoting it.</summary>
    internal static KubeResponseException Undecodable(string verb, string resource, string? name, ReadOnlySpan<byte> body, JsonException error)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        string problem;
        if (trimmed.IsEmpty)
        {
            problem = "empty body where JSON was expected";
        }
        else if (trimmed[0] == (byte)'<')
        {
            problem = "an HTML/XML page, not JSON (a proxy or load balancer answered instead of the API server?)";
        }
        else if (trimmed[0] is not ((byte)'{' or (byte)'['))
        {
            problem = "not JSON";
        }
        else
        {
            problem = "malformed or unexpected JSON: " + OneLine(error.Message);
        }

        return new KubeResponseException(verb, resource, name, problem, error);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string FormatMessage(string verb, string resource, string? name, string problem)
    {
        var target = name is null ? resource : resource + " \"" + name + "\"";
        return "invalid response to " + verb + " " + target + ": " + problem;
    }
}
