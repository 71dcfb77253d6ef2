using Addons.Aws.SigV4;

namespace Addons.Aws.Tests.SigV4;

/// <summary>Our canonicalisation and signatures against AWS's published SigV4 test suite, header and query (presign) modes.</summary>
public sealed class SigV4VectorTests
{
    public static IEnumerable<object[]> Vectors() => SigV4Vector.Names();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Build_HeaderSigning_MatchesPublishedCanonicalRequestAndSignature(string name)
    {
        var v = SigV4Vector.Load(name);
        var payloadHash = SigV4Crypto.HashHex(v.Body);
        var headers = v.Headers.ToList();
        headers.Add(new("X-Amz-Date", v.Scope.AmzDate));
        if (v.Credentials.SessionToken is { } token && !v.OmitSessionToken)
        {
            headers.Add(new("X-Amz-Security-Token", token));
        }

        if (v.SignBody)
        {
            headers.Add(new("x-amz-content-sha256", payloadHash));
        }

        var input = new SigningInput(v.Method, v.Path, CanonicalRequest.ParseQuery(v.Query), headers, payloadHash);
        var canonical = CanonicalRequest.Build(input, headers.Select(h => h.Key), v.Normalize);
        var stringToSign = SigV4Crypto.StringToSign(v.Scope, canonical);

        Assert.Equal(v.Expected("header-canonical-request.txt"), canonical);
        Assert.Equal(v.Expected("header-string-to-sign.txt"), stringToSign);
        Assert.Equal(v.Expected("header-signature.txt"), SigV4Crypto.Signature(v.Credentials.SecretAccessKey, v.Scope, stringToSign));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Build_QuerySigning_MatchesPublishedCanonicalRequestAndSignature(string name)
    {
        var v = SigV4Vector.Load(name);
        var credentials = v.OmitSessionToken ? v.Credentials with { SessionToken = null } : v.Credentials;
        var query = CanonicalRequest.ParseQuery(v.Query).ToList();
        query.AddRange(RequestSigner.PresignParameters(credentials, v.Scope, v.Expires, v.Headers.Select(h => h.Key)));
        var input = new SigningInput(v.Method, v.Path, query, v.Headers, SigV4Crypto.HashHex(v.Body));
        var canonical = CanonicalRequest.Build(input, v.Headers.Select(h => h.Key), v.Normalize);
        var stringToSign = SigV4Crypto.StringToSign(v.Scope, canonical);

        Assert.Equal(v.Expected("query-canonical-request.txt"), canonical);
        Assert.Equal(v.Expected("query-string-to-sign.txt"), stringToSign);
        Assert.Equal(v.Expected("query-signature.txt"), SigV4Crypto.Signature(v.Credentials.SecretAccessKey, v.Scope, stringToSign));
    }
}
