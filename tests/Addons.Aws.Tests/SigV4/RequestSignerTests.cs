using Addons.Aws.SigV4;

namespace Addons.Aws.Tests.SigV4;

/// <summary>The HttpRequestMessage signer and the presigner reproduce the published vectors end to end.</summary>
public sealed class RequestSignerTests
{
    [Theory]
    [InlineData("get-vanilla")]
    [InlineData("get-vanilla-query-order-key-case")]
    [InlineData("get-vanilla-with-session-token")]
    [InlineData("post-vanilla")]
    public async Task SignAsync_PublishedRequest_AddsTheExpectedAuthorization(string name)
    {
        var v = SigV4Vector.Load(name);
        using var request = new HttpRequestMessage(new HttpMethod(v.Method), "https://example.amazonaws.com" + v.Path + (v.Query.Length > 0 ? "?" + v.Query : ""));

        await RequestSigner.SignAsync(request, v.Credentials, v.Scope.Region, v.Scope.Service, v.Scope.Time, CancellationToken.None);

        var signed = v.Credentials.SessionToken is null ? "host;x-amz-date" : "host;x-amz-date;x-amz-security-token";
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signed}, Signature={v.Expected("header-signature.txt")}",
            request.Headers.GetValues("Authorization").Single());
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Theory]
    [InlineData("get-vanilla")]
    [InlineData("get-vanilla-with-session-token")]
    [InlineData("get-vanilla-query-order-key-case")]
    public void Presign_PublishedRequest_CarriesTheExpectedSignature(string name)
    {
        var v = SigV4Vector.Load(name);
        var url = new Uri("https://example.amazonaws.com" + v.Path + (v.Query.Length > 0 ? "?" + v.Query : ""));

        var presigned = RequestSigner.Presign(new HttpMethod(v.Method), url, [], v.Credentials, v.Scope, v.Expires);

        var query = CanonicalRequest.ParseQuery(presigned.Query).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(v.Expected("query-signature.txt"), query["X-Amz-Signature"]);
        Assert.Equal("3600", query["X-Amz-Expires"]);
        Assert.Equal(v.Credentials.SessionToken, query.GetValueOrDefault("X-Amz-Security-Token"));
    }

    [Fact]
    public void ToString_Credentials_NeverShowsTheSecretOrToken()
    {
        var credentials = new Addons.Aws.Credentials.AwsCredentials("AKIDEXAMPLE", "very-secret", "session-token-value");

        var text = credentials.ToString();

        Assert.Contains("AKIDEXAMPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("session-token-value", text, StringComparison.Ordinal);
    }
}
