using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Addons.Aws.SigV4;

namespace Addons.Kit.Testing.Aws;

/// <summary>
/// Validates an EKS bearer token (<c>k8s-aws-v1.</c> + base64url of a presigned STS GetCallerIdentity URL)
/// the way the EKS authenticator does: the URL must be a GetCallerIdentity on an STS host (the regional or
/// global AWS name, or this emulator), signed over <c>host;x-k8s-aws-id</c>, not older than 15 minutes; it is
/// then sent to the STS emulator with <c>x-k8s-aws-id: &lt;cluster&gt;</c> — so a token minted for another
/// cluster fails the signature — and the caller ARN it answers with is the identity.
/// </summary>
public sealed class EksTokenAuthenticator(AwsEmulator aws, string clusterName) : IDisposable
{
    /// <summary>The token prefix.</summary>
    public const string Prefix = "k8s-aws-v1.";

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);
    private readonly HttpClient _http = new();

    /// <summary>The cluster name tokens must be minted for.</summary>
    public string ClusterName => clusterName;

    /// <summary>The caller identity for a valid token; null for anything else (not an EKS token, bad signature, expired, wrong cluster).</summary>
    public async Task<AwsIdentity?> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (Decode(token) is not { } url || !Acceptable(url))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, aws.Endpoint + url.PathAndQuery);
        request.Headers.Host = url.Authority;
        request.Headers.TryAddWithoutValidation("x-k8s-aws-id", clusterName);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["GetCallerIdentityResponse"]?["GetCallerIdentityResult"];
        var arn = result?["Arn"]?.GetValue<string>();
        return arn is null ? null : aws.FindIdentityByArn(arn);
    }

    /// <summary>
    /// This authenticator as the Kubernetes emulator's external token hook (<c>api.Rbac.ExternalTokens</c>):
    /// a valid token acts as the user named by <paramref name="userFor"/> (default: the caller ARN, as an EKS
    /// access entry of type STANDARD maps an IAM principal).
    /// </summary>
    public Emulator.BearerTokenAuthenticator AsKubernetesAuthenticator(Func<AwsIdentity, Emulator.AuthenticatedUser>? userFor = null) =>
        async (token, ct) => await AuthenticateAsync(token, ct) is { } identity
            ? (userFor ?? (i => new Emulator.AuthenticatedUser(i.Arn, [])))(identity)
            : null;

    /// <summary>The presigned URL inside an EKS token, or null when it is not one.</summary>
    public static Uri? Decode(string token)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var payload = token[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        try
        {
            return Uri.TryCreate(Encoding.UTF8.GetString(Convert.FromBase64String(payload)), UriKind.Absolute, out var url) ? url : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private bool Acceptable(Uri url)
    {
        var host = url.Host;
        var stsHost = host == "sts.amazonaws.com" || (host.StartsWith("sts.", StringComparison.Ordinal) && host.EndsWith(".amazonaws.com", StringComparison.Ordinal))
            || string.Equals(url.GetLeftPart(UriPartial.Authority), aws.Endpoint, StringComparison.Ordinal);
        var query = CanonicalRequest.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var signed = query.GetValueOrDefault("X-Amz-SignedHeaders")?.Split(';') ?? [];
        var date = SigningScope.ParseAmzDate(query.GetValueOrDefault("X-Amz-Date"));
        return stsHost && url.AbsolutePath == "/"
            && query.GetValueOrDefault("Action") == "GetCallerIdentity"
            && signed.Contains("x-k8s-aws-id") && signed.Contains("host")
            && date is { } at && aws.Options.TimeProvider.GetUtcNow() - at <= MaxAge;
    }
}
