using System.Net;
using Addons.Kit.Kubernetes.Client;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("webhook denied: Authorization: Bearer s3cr3t-t0ken", "webhook denied: Authorization: [REDACTED]")]
    [InlineData("request had header \"Authorization\":\"Bearer s3cr3t\" attached", "request had header \"Authorization\":\"[REDACTED]\" attached")]
    [InlineData("authorization=Basic dXNlcjpwYXNz", "authorization=[REDACTED]")]
    [InlineData("invalid bearer s3cr3t-t0ken.x_y for user", "invalid bearer [REDACTED] for user")]
    [InlineData("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl expired", "token [REDACTED] expired")]
    [InlineData("bootstrap abcdef.0123456789abcdef rejected", "bootstrap [REDACTED] rejected")]
    [InlineData("url https://x/?access_token=s3cr3t&x=1", "url https://x/?access_token=[REDACTED]&x=1")]
    [InlineData("password: hunter2, user bob", "password: [REDACTED], user bob")]
    [InlineData("nodepools.karpenter.sh \"default\" is forbidden: User \"bob\" cannot patch", "nodepools.karpenter.sh \"default\" is forbidden: User \"bob\" cannot patch")]
    public void Redact_CredentialShapes_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(input));
    }

    [Fact]
    public void KubeApiException_StatusMessageWithBearerToken_IsRedactedEverywhere()
    {
        var e = new KubeApiException(HttpStatusCode.Forbidden, "Forbidden", "admission webhook denied: Authorization: Bearer abc.def.ghi", "patch", "nodepools", "default");

        Assert.DoesNotContain("abc.def.ghi", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc.def.ghi", e.StatusMessage, StringComparison.Ordinal);
        Assert.EndsWith("Authorization: [REDACTED]", e.Message, StringComparison.Ordinal);
    }
}
