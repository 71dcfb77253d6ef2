using System.Text;
using System.Text.Json;
using Addons.Aws.Credentials;
using Addons.Aws.SigV4;

namespace Addons.Aws.Tests.SigV4;

/// <summary>One folder of the published SigV4 test suite (testassets/sigv4/README.md), parsed.</summary>
internal sealed record SigV4Vector(string Name, string Directory, AwsCredentials Credentials, SigningScope Scope, bool Normalize, bool SignBody, bool OmitSessionToken, TimeSpan Expires, string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static string Root => System.IO.Path.Combine(AppContext.BaseDirectory, "testassets", "sigv4");

    public static IEnumerable<object[]> Names() =>
        System.IO.Directory.GetDirectories(Root).Select(d => new object[] { System.IO.Path.GetFileName(d) }).OrderBy(n => (string)n[0], StringComparer.Ordinal);

    public string Expected(string file) => File.ReadAllText(System.IO.Path.Combine(Directory, file)).TrimEnd('\n');

    public static SigV4Vector Load(string name)
    {
        var dir = System.IO.Path.Combine(Root, name);
        using var context = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(dir, "context.json")));
        var root = context.RootElement;
        var creds = root.GetProperty("credentials");
        var credentials = new AwsCredentials(
            creds.GetProperty("access_key_id").GetString()!,
            creds.GetProperty("secret_access_key").GetString()!,
            creds.TryGetProperty("token", out var token) ? token.GetString() : null);
        var scope = new SigningScope(DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("region").GetString()!, root.GetProperty("service").GetString()!);
        var omit = root.TryGetProperty("omit_session_token", out var o) && o.GetBoolean();

        var text = File.ReadAllText(System.IO.Path.Combine(dir, "request.txt"));
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text.TrimEnd('\n') : text[..split];
        var body = split < 0 ? "" : text[(split + 2)..];
        var lines = head.Split('\n');
        var first = lines[0];
        var method = first[..first.IndexOf(' ', StringComparison.Ordinal)];
        var target = first[(method.Length + 1)..first.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new SigV4Vector(name, dir, credentials, scope, root.GetProperty("normalize").GetBoolean(), root.GetProperty("sign_body").GetBoolean(), omit,
            TimeSpan.FromSeconds(root.GetProperty("expiration_in_seconds").GetInt32()), method,
            q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..], headers, Encoding.UTF8.GetBytes(body));
    }
}
