using System.Globalization;
using System.Text;
using Addons.Aws.Credentials;

namespace Addons.Aws.SigV4;

/// <summary>
/// Signs outgoing requests with SigV4: the Authorization header (query and REST-JSON APIs alike) or a
/// presigned URL (the EKS token). Signed headers: host, x-amz-date, x-amz-security-token, content-type
/// and every other x-amz-* header the request carries — what the AWS CLI signs for EKS and STS.
/// <para><b>Caveats:</b> the body is buffered to hash it (AWS API bodies here are small JSON/form texts).</para>
/// </summary>
public static class RequestSigner
{
    /// <summary>Adds X-Amz-Date, X-Amz-Security-Token (temporary credentials) and Authorization to <paramref name="request"/>.</summary>
    public static async Task SignAsync(HttpRequestMessage request, AwsCredentials credentials, string region, string service, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri is { IsAbsoluteUri: true } u ? u : throw new ArgumentException("the request needs an absolute URI", nameof(request));
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var scope = new SigningScope(now, region, service);

        request.Headers.Remove("Authorization");
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Remove("X-Amz-Security-Token");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", scope.AmzDate);
        if (credentials.SessionToken is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        var headers = new List<KeyValuePair<string, string>> { new("host", request.Headers.Host ?? uri.Authority) };
        foreach (var header in request.Headers.Where(h => h.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)))
        {
            headers.AddRange(header.Value.Select(v => new KeyValuePair<string, string>(header.Key, v)));
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add(new("content-type", contentType.ToString()));
        }

        var input = new SigningInput(request.Method.Method, uri.AbsolutePath, CanonicalRequest.ParseQuery(uri.Query), headers, SigV4Crypto.HashHex(body));
        var signed = CanonicalRequest.SortedNames(headers.Select(h => h.Key));
        var signature = SigV4Crypto.Signature(credentials.SecretAccessKey, scope, SigV4Crypto.StringToSign(scope, CanonicalRequest.Build(input, signed)));
        request.Headers.TryAddWithoutValidation("Authorization", AuthorizationHeader(credentials.AccessKeyId, scope, signed, signature));
    }

    /// <summary>
    /// A presigned URL: <paramref name="url"/> plus X-Amz-Algorithm/Credential/Date/Expires/SignedHeaders
    /// (/Security-Token, signed) and X-Amz-Signature. The caller must send <paramref name="signedHeaders"/>
    /// (besides host) with the request.
    /// </summary>
    public static Uri Presign(HttpMethod method, Uri url, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, AwsCredentials credentials, SigningScope scope, TimeSpan expires, string payloadHash = SigV4Crypto.EmptyPayloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        ArgumentNullException.ThrowIfNull(credentials);
        var headers = new List<KeyValuePair<string, string>> { new("host", url.Authority) };
        headers.AddRange(signedHeaders);
        var names = CanonicalRequest.SortedNames(headers.Select(h => h.Key));
        var query = CanonicalRequest.ParseQuery(url.Query).ToList();
        query.AddRange(PresignParameters(credentials, scope, expires, names));
        var input = new SigningInput(method.Method, url.AbsolutePath, query, headers, payloadHash);
        var signature = SigV4Crypto.Signature(credentials.SecretAccessKey, scope, SigV4Crypto.StringToSign(scope, CanonicalRequest.Build(input, names)));
        query.Add(new("X-Amz-Signature", signature));
        var text = string.Join('&', query.Select(p => CanonicalRequest.UriEncode(p.Key, true) + "=" + CanonicalRequest.UriEncode(p.Value, true)));
        return new UriBuilder(url) { Query = text }.Uri;
    }

    /// <summary>The query parameters a presigned request carries before its signature.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PresignParameters(AwsCredentials credentials, SigningScope scope, TimeSpan expires, IEnumerable<string> signedHeaderNames)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var list = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", SigV4Crypto.Algorithm),
            new("X-Amz-Credential", credentials.AccessKeyId + "/" + scope.CredentialScope),
            new("X-Amz-Date", scope.AmzDate),
            new("X-Amz-Expires", ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", string.Join(';', CanonicalRequest.SortedNames(signedHeaderNames))),
        };
        if (credentials.SessionToken is { Length: > 0 } token)
        {
            list.Add(new("X-Amz-Security-Token", token));
        }

        return list;
    }

    /// <summary>AWS4-HMAC-SHA256 Credential=akid/scope, SignedHeaders=a;b, Signature=hex.</summary>
    public static string AuthorizationHeader(string accessKeyId, SigningScope scope, IEnumerable<string> signedHeaders, string signature) =>
        new StringBuilder(SigV4Crypto.Algorithm)
            .Append(" Credential=").Append(accessKeyId).Append('/').Append(scope.CredentialScope)
            .Append(", SignedHeaders=").Append(string.Join(';', CanonicalRequest.SortedNames(signedHeaders)))
            .Append(", Signature=").Append(signature).ToString();
}
