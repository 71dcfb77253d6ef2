using System.Text;

namespace Addons.Kit.Http;

/// <summary>Turns a request URI into a form that is safe to log: query values and user info removed.</summary>
/// <remarks>
/// Guarantee: the result never contains a query value (tokens, signatures, AWS presigned credentials)
/// or <c>user:password@</c>. Parameter names stay, so a log still says which parameters were sent.
/// </remarks>
public static class HttpRedaction
{
    /// <summary>
    /// <c>https://api.github.com/orgs/o/repos?per_page=100&amp;access_token=x</c> →
    /// <c>https://api.github.com/orgs/o/repos?per_page=***&amp;access_token=***</c>.
    /// </summary>
    /// <param name="uri">An absolute or relative URI; null gives an empty string.</param>
    public static string Redact(Uri? uri)
    {
        if (uri is null)
        {
            return "";
        }

        string path;
        string query;
        if (uri.IsAbsoluteUri)
        {
            path = uri.GetLeftPart(UriPartial.Scheme) + uri.Host + (uri.IsDefaultPort ? "" : ":" + uri.Port) + uri.AbsolutePath;
            query = uri.Query;
        }
        else
        {
            var text = uri.OriginalString;
            var mark = text.IndexOf('?', StringComparison.Ordinal);
            path = mark < 0 ? text : text[..mark];
            query = mark < 0 ? "" : text[mark..];
        }

        return path + RedactQuery(query);
    }

    private static string RedactQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var redacted = new StringBuilder("?");
        foreach (var pair in query[1..].Split('&'))
        {
            if (redacted.Length > 1)
            {
                redacted.Append('&');
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            redacted.Append(equals < 0 ? pair : pair[..equals]).Append("=***");
        }

        return redacted.ToString();
    }
}
