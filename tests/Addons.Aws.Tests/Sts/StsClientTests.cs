using System.Net;
using Addons.Aws.Credentials;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Aws.Tests.Sts;

/// <summary>Our STS client against the emulator: identity, cross-account AssumeRole, web identity.</summary>
public sealed class StsClientTests
{
    [Fact(Timeout = TestAws.Timeout)]
    public async Task GetCallerIdentity_DefaultUser_ReturnsAccountAndArn()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();

        var identity = await TestAws.Sts(aws, http).GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(aws.AccountId, identity.Account);
        Assert.Equal($"arn:aws:iam::{aws.AccountId}:user/emulator-admin", identity.Arn);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task AssumeRoleProvider_CrossAccount_SignsEksCallsAsTheAssumedRole()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();
        using var role = new AssumeRoleCredentialsProvider(TestAws.Sts(aws, http), "arn:aws:iam::999988887777:role/kuo-target", "kuo", TimeProvider.System);

        var credentials = await role.GetCredentialsAsync(CancellationToken.None);
        var identity = await TestAws.Sts(aws, http, role).GetCallerIdentityAsync(CancellationToken.None);
        var cluster = await TestAws.Eks(aws, http, credentials).DescribeClusterAsync("demo", CancellationToken.None);

        Assert.StartsWith("ASIA", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.NotNull(credentials.SessionToken);
        Assert.Equal("assume-role", credentials.Source);
        Assert.Equal(("999988887777", "arn:aws:sts::999988887777:assumed-role/kuo-target/kuo"), (identity.Account, identity.Arn));
        Assert.Equal("demo", cluster.Name);
        Assert.Equal(credentials.AccessKeyId, aws.Requests.Last().AccessKeyId);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task AssumeRole_DeniedRole_IsPermanentAccessDenied()
    {
        await using var aws = await TestAws.StartAsync();
        aws.DeniedRoleSet["arn:aws:iam::999988887777:role/forbidden"] = 0;
        using var http = new HttpClient();

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => TestAws.Sts(aws, http).AssumeRoleAsync("arn:aws:iam::999988887777:role/forbidden", "kuo", null, null, CancellationToken.None));

        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden, false), (e.ErrorCode, e.StatusCode, e.IsTransient));
        Assert.NotNull(e.RequestId);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task AssumedCredentials_AfterExpiry_AreRejectedAsExpired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var aws = await TestAws.StartAsync(new Kit.Testing.Aws.AwsEmulatorOptions { TimeProvider = time });
        using var http = new HttpClient();
        var role = await TestAws.Sts(aws, http).AssumeRoleAsync("arn:aws:iam::999988887777:role/kuo-target", "kuo", TimeSpan.FromMinutes(15), null, CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(16));
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => TestAws.Eks(aws, http, role.Credentials).DescribeClusterAsync("demo", CancellationToken.None));

        Assert.Equal(time.GetUtcNow() - TimeSpan.FromMinutes(1), role.Credentials.Expiration);
        Assert.Equal("ExpiredTokenException", e.ErrorCode);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task AssumeRoleProvider_NearExpiry_RefreshesBeforeTheCredentialsLapse()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var aws = await TestAws.StartAsync(new Kit.Testing.Aws.AwsEmulatorOptions { TimeProvider = time, SessionDuration = TimeSpan.FromMinutes(15) });
        using var http = new HttpClient();
        using var role = new AssumeRoleCredentialsProvider(TestAws.Sts(aws, http), "arn:aws:iam::999988887777:role/kuo-target", "kuo", time);

        var first = await role.GetCredentialsAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        var stillFirst = await role.GetCredentialsAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var second = await role.GetCredentialsAsync(CancellationToken.None);

        Assert.Same(first, stillFirst);
        Assert.NotEqual(first.AccessKeyId, second.AccessKeyId);
        Assert.Equal(2, aws.Requests.Count(r => r.Operation == "AssumeRole"));
    }
}
