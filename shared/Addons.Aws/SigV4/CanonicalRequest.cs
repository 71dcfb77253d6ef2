using System.Text;

namespace Addons.Aws.SigV4;

/// <summary>
/// The canonical request of SigV4: method, encoded path, sorted encoded query, sorted lower-case headers
/// with trimmed values, the signed-header list and the payload hash, each on its own line.
/// Shared by the signer and by the emulator's signature check, so both sides canonicalise alike.
/// </summary>
public static class CanonicalRequest
{
    /// <summary>Builds the canonical request over <paramref name="signedHeaders"/> (names, any case).</summary>
    /// <param name="input">The request.</param>
    /// <param name="signedHeaders">The header names to sign; each must be present in <see cref="SigningInput.Headers"/>.</param>
    /// <param name="normalizePath">Remove dot segments and empty segments (every service but S3).</param>
    public static string Build(SigningInput input, IEnumerable<string> signedHeaders, bool normalizePath = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = SortedNames(signedHeaders);
        var builder = new StringBuilder(256);
        builder.Append(input.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(input.Path, normalizePath)).Append('\n')
            .Append(CanonicalQuery(input.Query)).Append('\n');
        foreach (var name in names)
        {
            builder.Append(name).Append(':').Append(HeaderValue(input.Headers, name)).Append('\n');
        }

        return builder.Append('\n').Append(string.Join(';', names)).Append('\n').Append(input.PayloadHash).ToString();
    }

    /// <summary>Lower-cased, de-duplicated, ordinally sorted header names.</summary>
    public static IReadOnlyList<string> SortedNames(IEnumerable<string> names) =>
        names.Select(n => n.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The canonical path: normalised when asked, each byte outside the unreserved set percent-encoded, '/' kept.</summary>
    public static string CanonicalPath(string path, bool normalize)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "/";
        }

        if (normalize)
        {
            var segments = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment is "" or ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    continue;
                }

                segments.Add(segment);
            }

            var trailing = segments.Count > 0 && path.EndsWith('/');
            path = "/" + string.Join('/', segments) + (trailing ? "/" : "");
        }

        return UriEncode(path, encodeSlash: false);
    }

    /// <summary>Encoded names and values sorted by name then value: a=1&amp;b=2 (an empty value keeps its '=').</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join('&', query
            .Select(p => (Name: UriEncode(p.Key, encodeSlash: true), Value: UriEncode(p.Value, encodeSlash: true)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>
    /// AWS's URI encoding: A-Z a-z 0-9 - _ . ~ stay, every other UTF-8 byte becomes %XX (upper-case hex);
    /// '/' stays when <paramref name="encodeSlash"/> is false.
    /// </summary>
    public static string UriEncode(string value, bool encodeSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (c == '/' && !encodeSlash))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a raw query string (with or without '?') into percent-decoded name/value pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return [];
        }

        return query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                return eq < 0
                    ? new KeyValuePair<string, string>(Uri.UnescapeDataString(part), "")
                    : new KeyValuePair<string, string>(Uri.UnescapeDataString(part[..eq]), Uri.UnescapeDataString(part[(eq + 1)..]));
            })
            .ToList();
    }

    private static string HeaderValue(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        var values = headers.Where(h => string.Equals(h.Key.Trim(), name, StringComparison.OrdinalIgnoreCase)).Select(h => CollapseSpaces(h.Value)).ToList();
        if (values.Count == 0)
        {
            throw new ArgumentException($"signed header '{name}' is not in the request", nameof(headers));
        }

        return string.Join(',', values);
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t')
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
