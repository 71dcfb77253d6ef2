using System.Text;

namespace Addons.Kit.Health;

/// <summary>The parts of an HTTP/1.x request head the probe listener needs.</summary>
internal sealed record ProbeRequest(string Method, string Path, string Query, bool KeepAlive, string? Accept, bool HasBody)
{
    /// <summary>Parses a request head (request line and headers, without the blank line); null if malformed.</summary>
    public static ProbeRequest? Parse(ReadOnlySpan<byte> head)
    {
        var text = Encoding.ASCII.GetString(head);
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        var http10 = requestLine[2] == "HTTP/1.0";
        string? connection = null;
        string? accept = null;
        var hasBody = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, colon).Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                connection = value;
            }
            else if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase))
            {
                accept = value;
            }
            else if ((name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && value != "0")
                || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                hasBody = true;
            }
        }

        var keepAlive = http10
            ? string.Equals(connection, "keep-alive", StringComparison.OrdinalIgnoreCase)
            : !string.Equals(connection, "close", StringComparison.OrdinalIgnoreCase);
        var target = requestLine[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        return new ProbeRequest(requestLine[0], path, query, keepAlive, accept, hasBody);
    }
}
