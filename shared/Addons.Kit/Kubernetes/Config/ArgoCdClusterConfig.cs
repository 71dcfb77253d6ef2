using System.Text.Json;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Parses the <c>config</c> of an ArgoCD cluster Secret (no reflection: <see cref="JsonDocument"/>).</summary>
internal static class ArgoCdClusterConfig
{
    public static ClusterEndpoint Parse(string server, string configJson, string? name)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        var parsed = Uri.TryCreate(server, UriKind.Absolute, out var url);
        var label = "cluster " + (name ?? (parsed ? url!.Authority : server));
        if (!parsed || (url!.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException($"{label}: server \"{server}\" is not an http(s) URL");
        }

        try
        {
            using var document = JsonDocument.Parse(configJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{label}: config must be a JSON object");
            }

            var tls = root.TryGetProperty("tlsClientConfig", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
            return new ClusterEndpoint
            {
                Server = url,
                Name = name,
                BearerToken = String(root, "bearerToken", label),
                Insecure = tls.ValueKind == JsonValueKind.Object && Bool(tls, "insecure", label),
                CaData = tls.ValueKind == JsonValueKind.Object ? String(tls, "caData", label) : null,
                CertData = tls.ValueKind == JsonValueKind.Object ? String(tls, "certData", label) : null,
                KeyData = tls.ValueKind == JsonValueKind.Object ? String(tls, "keyData", label) : null,
                ServerName = tls.ValueKind == JsonValueKind.Object ? String(tls, "serverName", label) : null,
            };
        }
        catch (JsonException e)
        {
            // The JSON may hold a token: name the position, never quote the text.
            throw new FormatException($"{label}: config is not valid JSON (line {e.LineNumber}, position {e.BytePositionInLine})");
        }
    }

    private static string? String(JsonElement obj, string field, string label) =>
        !obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FormatException($"{label}: config field {field} must be a string");

    private static bool Bool(JsonElement obj, string field, string label) =>
        obj.TryGetProperty(field, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new FormatException($"{label}: config field {field} must be true or false"),
        };
}
