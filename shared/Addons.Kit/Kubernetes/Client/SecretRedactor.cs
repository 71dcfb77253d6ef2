using System.Text.RegularExpressions;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Blanks what looks like a credential in text that came from the server (a Status message, a webhook's
/// denial, a proxy's error) before it reaches an exception message, a log line or a terminal.</summary>
/// <remarks>Redacted: <c>Authorization:</c>/<c>Proxy-Authorization:</c> header values, <c>Bearer</c>/<c>Basic</c>
/// credentials, JWTs (<c>eyJ….….…</c>), bootstrap tokens (<c>abcdef.0123456789abcdef</c>), and the value of
/// <c>token=</c>, <c>access_token=</c>, <c>id_token=</c>, <c>password=</c>, <c>secret=</c> (also with <c>:</c> and quotes).
/// Caveat: a heuristic — an opaque secret with no such marker cannot be recognised.</remarks>
internal static partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = AuthorizationHeader().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
        text = Scheme().Replace(text, m => m.Groups["scheme"].Value + " " + Mask);
        text = Jwt().Replace(text, Mask);
        text = BootstrapToken().Replace(text, Mask);
        return KeyValue().Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + Mask);
    }

    // "Authorization: Bearer abc", "authorization=Basic xyz", "\"Authorization\":\"Bearer abc\"": the whole value.
    [GeneratedRegex("""(?<name>(?:proxy-)?authorization)(?<sep>["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|negotiate|token)\s+)?[^\s"',;]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex("""\b(?<scheme>bearer|basic)\s+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]+=*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex("""eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*""", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex("""\b[a-z0-9]{6}\.[a-z0-9]{16}\b""", RegexOptions.CultureInvariant)]
    private static partial Regex BootstrapToken();

    [GeneratedRegex("""\b(?<key>access_token|id_token|refresh_token|token|password|passwd|secret|client_secret)(?<sep>["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^\s"',;&]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();
}
