using System.Globalization;
using Addons.Aws.SigV4;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Addons.Kit.Testing.Aws;

/// <summary>
/// Checks a request's SigV4 signature as AWS does, from the Authorization header or a presigned query:
/// known access key, matching session token, unexpired temporary keys, X-Amz-Date within the allowed skew
/// (presigned: not past X-Amz-Expires), and the signature recomputed from the request as received.
/// Canonicalisation is <see cref="CanonicalRequest"/> from Addons.Aws — the same code the client signs with,
/// which the published test vectors pin down on both sides.
/// </summary>
internal sealed class SigV4Verifier(Func<string, AwsIdentity?> findIdentity, TimeProvider time, TimeSpan maxSkew)
{
    private static readonly TimeSpan StsPresignFloor = TimeSpan.FromMinutes(15);

    /// <summary>The verified identity; throws <see cref="AwsEmulatorError"/> (403) otherwise.</summary>
    public AwsIdentity Verify(HttpRequest request, byte[] body, string service)
    {
        var query = CanonicalRequest.ParseQuery(request.QueryString.Value);
        var presigned = query.Any(p => p.Key == "X-Amz-Signature");
        string credential, signedHeaders, signature, amzDate;
        TimeSpan? expires = null;
        if (presigned)
        {
            credential = Get(query, "X-Amz-Credential");
            signedHeaders = Get(query, "X-Amz-SignedHeaders");
            signature = Get(query, "X-Amz-Signature");
            amzDate = Get(query, "X-Amz-Date");
            expires = TimeSpan.FromSeconds(long.TryParse(Get(query, "X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0);
            if (service == "sts" && expires < StsPresignFloor)
            {
                // STS honours a presigned GetCallerIdentity for 15 minutes whatever X-Amz-Expires says (60 s in
                // EKS tokens): that is what makes an EKS token live 15 minutes.
                expires = StsPresignFloor;
            }
            query = query.Where(p => p.Key != "X-Amz-Signature").ToList();
        }
        else
        {
            var authorization = request.Headers.Authorization.ToString();
            if (!authorization.StartsWith(SigV4Crypto.Algorithm + " ", StringComparison.Ordinal))
            {
                throw new AwsEmulatorError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
            }

            var parts = authorization[(SigV4Crypto.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            credential = parts.GetValueOrDefault("Credential") ?? "";
            signedHeaders = parts.GetValueOrDefault("SignedHeaders") ?? "";
            signature = parts.GetValueOrDefault("Signature") ?? "";
            amzDate = request.Headers["X-Amz-Date"].ToString();
        }

        var scopeParts = credential.Split('/');
        if (scopeParts.Length != 5 || scopeParts[4] != "aws4_request")
        {
            throw new AwsEmulatorError(403, "IncompleteSignature", $"Credential '{credential}' is not accessKeyId/date/region/service/aws4_request");
        }

        var identity = findIdentity(scopeParts[0]) ?? throw new AwsEmulatorError(403, service == "sts" ? "InvalidClientTokenId" : "UnrecognizedClientException", "The security token included in the request is invalid.");
        var signedAt = SigningScope.ParseAmzDate(amzDate) ?? throw new AwsEmulatorError(403, "IncompleteSignature", "X-Amz-Date is missing or not yyyyMMddTHHmmssZ");
        var now = time.GetUtcNow();
        if (presigned ? now > signedAt + expires!.Value || signedAt - now > maxSkew : (now - signedAt).Duration() > maxSkew)
        {
            throw new AwsEmulatorError(403, "RequestExpired", $"Request has expired: signed at {amzDate}, now {now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        }

        var token = presigned ? query.FirstOrDefault(p => p.Key == "X-Amz-Security-Token").Value : request.Headers["X-Amz-Security-Token"].ToString();
        if (identity.SessionToken is not null && identity.SessionToken != token)
        {
            throw new AwsEmulatorError(403, service == "sts" ? "InvalidClientTokenId" : "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (identity.Expiration is { } expiry && now >= expiry)
        {
            throw new AwsEmulatorError(403, service == "sts" ? "ExpiredToken" : "ExpiredTokenException", "The security token included in the request is expired");
        }

        var scope = new SigningScope(signedAt, scopeParts[2], scopeParts[3]);
        var names = signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in names)
        {
            var value = name == "host" ? request.Host.Value ?? "" : string.Join(',', request.Headers[name].Select(v => v ?? ""));
            headers.Add(new(name, value));
        }

        var payloadHash = request.Headers["x-amz-content-sha256"].ToString() is { Length: > 0 } declared ? declared : SigV4Crypto.HashHex(body);
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var path = rawTarget.Split('?')[0];
        var input = new SigningInput(request.Method, path, query, headers, payloadHash);
        var canonical = CanonicalRequest.Build(input, names);
        var expected = SigV4Crypto.Signature(identity.SecretAccessKey, scope, SigV4Crypto.StringToSign(scope, canonical));
        if (!SigV4Crypto.SignaturesEqual(expected, signature))
        {
            throw new AwsEmulatorError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }

        return identity;
    }

    private static string Get(IReadOnlyList<KeyValuePair<string, string>> query, string name) => query.FirstOrDefault(p => p.Key == name).Value ?? "";
}
