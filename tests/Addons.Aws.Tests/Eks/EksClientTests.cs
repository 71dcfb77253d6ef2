using System.Net;
using Addons.Aws.Eks.Model;
using Addons.Kit.Testing.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Aws.Tests.Eks;

/// <summary>Our EKS client against the EKS/STS emulator over real HTTP with SigV4 verified on every call.</summary>
public sealed class EksClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeCluster_DemoCluster_ReturnsVersionPlatformAndDeletionProtection()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();

        var cluster = await TestAws.Eks(aws, http).DescribeClusterAsync("demo", CancellationToken.None);

        Assert.Equal("1.30", cluster.Version);
        Assert.Equal("eks.9", cluster.PlatformVersion);
        Assert.Equal("ACTIVE", cluster.Status);
        Assert.True(cluster.DeletionProtection);
        Assert.Equal($"arn:aws:eks:us-east-1:{aws.AccountId}:cluster/demo", cluster.Arn);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 30, 0, TimeSpan.Zero), cluster.CreatedAt);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task ListAddons_PageSizeOne_FollowsNextTokenToTheEnd()
    {
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { PageSize = 1 });
        using var http = new HttpClient();

        var addons = await TestAws.Eks(aws, http).ListAddonsAsync("demo", CancellationToken.None);

        Assert.Equal(["coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"], addons);
        Assert.Equal(4, aws.Requests.Count(r => r.Operation == "ListAddons" && r.Status == 200));
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task ListNodegroupsAndInsightsAndVersions_PageSizeOne_ReturnEverything()
    {
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { PageSize = 1 });
        using var http = new HttpClient();
        var eks = TestAws.Eks(aws, http);

        var nodegroups = await eks.ListNodegroupsAsync("demo", CancellationToken.None);
        var insights = await eks.ListInsightsAsync("demo", new EksInsightFilter { Categories = ["UPGRADE_READINESS"] }, CancellationToken.None);
        var versions = await eks.DescribeClusterVersionsAsync(null, CancellationToken.None);
        var addonVersions = await eks.DescribeAddonVersionsAsync("1.31", null, CancellationToken.None);

        Assert.Equal(["system", "workers"], nodegroups);
        Assert.Equal(3, insights.Count);
        Assert.All(insights, i => Assert.Equal("PASSING", i.InsightStatus!.Status));
        Assert.Equal(EksDemo.Versions, versions.Select(v => v.ClusterVersion));
        Assert.Equal(4, addonVersions.Count);
        Assert.True(aws.Requests.Count(r => r.Operation == "DescribeClusterVersions") >= EksDemo.Versions.Length);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeClusterVersions_Filtered_ReportsSupportLifecycleDates()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();

        var versions = await TestAws.Eks(aws, http).DescribeClusterVersionsAsync(["1.30"], CancellationToken.None);

        var v = Assert.Single(versions);
        Assert.Equal("STANDARD_SUPPORT", v.Status);
        Assert.True(v.EndOfStandardSupportDate > v.ReleaseDate);
        Assert.True(v.EndOfExtendedSupportDate > v.EndOfStandardSupportDate);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeAddonVersions_ForKubernetesVersion_FlagsOneDefaultWithEksbuild()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();

        var infos = await TestAws.Eks(aws, http).DescribeAddonVersionsAsync("1.31", "vpc-cni", CancellationToken.None);

        var info = Assert.Single(infos);
        var defaults = info.AddonVersions.Where(v => v.Compatibilities.Any(c => c.ClusterVersion == "1.31" && c.DefaultVersion)).ToList();
        Assert.Equal("v1.18.0-eksbuild.2", Assert.Single(defaults).AddonVersion);
        Assert.All(info.AddonVersions, v => Assert.Contains("-eksbuild.", v.AddonVersion, StringComparison.Ordinal));
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task UpdateClusterVersion_ClockPassesUpdateDuration_MovesInProgressToSuccessful()
    {
        var time = new FakeTimeProvider(Start);
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { TimeProvider = time, UpdateDuration = TimeSpan.FromMinutes(10) });
        using var http = new HttpClient();
        var eks = TestAws.Eks(aws, http);

        var update = await eks.UpdateClusterVersionAsync("demo", "1.31", null, CancellationToken.None);
        var during = await eks.DescribeUpdateAsync("demo", update.Id, null, null, CancellationToken.None);
        var clusterDuring = await eks.DescribeClusterAsync("demo", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
        var after = await eks.DescribeUpdateAsync("demo", update.Id, null, null, CancellationToken.None);
        var clusterAfter = await eks.DescribeClusterAsync("demo", CancellationToken.None);
        var ids = await eks.ListUpdatesAsync("demo", null, null, CancellationToken.None);

        Assert.Equal("InProgress", update.Status);
        Assert.Equal("VersionUpdate", update.Type);
        Assert.Contains(update.Params, p => p.Type == "Version" && p.Value == "1.31");
        Assert.Equal("InProgress", during.Status);
        Assert.Equal(("UPDATING", "1.30"), (clusterDuring.Status, clusterDuring.Version));
        Assert.Equal("Successful", after.Status);
        Assert.Equal(("ACTIVE", "1.31", "eks.9"), (clusterAfter.Status, clusterAfter.Version, clusterAfter.PlatformVersion));
        Assert.Equal([update.Id], ids);
    }

    [Theory(Timeout = TestAws.Timeout)]
    [InlineData(false, "Failed")]
    [InlineData(true, "Cancelled")]
    public async Task UpdateClusterVersion_InjectedOutcome_EndsFailedOrCancelledAndKeepsVersion(bool cancel, string expected)
    {
        var time = new FakeTimeProvider(Start);
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { TimeProvider = time });
        using var http = new HttpClient();
        var eks = TestAws.Eks(aws, http);
        if (cancel)
        {
            aws.Faults.CancelNextUpdate();
        }
        else
        {
            aws.Faults.FailNextUpdate("ClusterUnreachable");
        }

        var update = await eks.UpdateClusterVersionAsync("demo", "1.31", null, CancellationToken.None);
        time.Advance(aws.Options.UpdateDuration);
        var after = await eks.DescribeUpdateAsync("demo", update.Id, null, null, CancellationToken.None);

        Assert.Equal(expected, after.Status);
        Assert.Equal(cancel ? [] : ["ClusterUnreachable"], after.Errors.Select(e => e.ErrorCode));
        Assert.Equal("1.30", (await eks.DescribeClusterAsync("demo", CancellationToken.None)).Version);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task UpdateAddonAndNodegroup_ClockPassesUpdateDuration_ApplyTheNewVersions()
    {
        var time = new FakeTimeProvider(Start);
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { TimeProvider = time });
        using var http = new HttpClient();
        var eks = TestAws.Eks(aws, http);

        var addonUpdate = await eks.UpdateAddonAsync("demo", "vpc-cni", "v1.17.0-eksbuild.2", "OVERWRITE", CancellationToken.None);
        var ngUpdate = await eks.UpdateNodegroupVersionAsync("demo", "workers", null, null, force: false, CancellationToken.None);
        var addonDuring = await eks.DescribeAddonAsync("demo", "vpc-cni", CancellationToken.None);
        time.Advance(aws.Options.UpdateDuration);
        var addonAfter = await eks.DescribeAddonAsync("demo", "vpc-cni", CancellationToken.None);
        var ngAfter = await eks.DescribeUpdateAsync("demo", ngUpdate.Id, "workers", null, CancellationToken.None);
        var nodegroup = await eks.DescribeNodegroupAsync("demo", "workers", CancellationToken.None);

        Assert.Equal("AddonUpdate", addonUpdate.Type);
        Assert.Equal("UPDATING", addonDuring.Status);
        Assert.Equal(("ACTIVE", "v1.17.0-eksbuild.2"), (addonAfter.Status, addonAfter.AddonVersion));
        Assert.Equal("Successful", ngAfter.Status);
        Assert.Equal(("1.30", "ACTIVE", 3), (nodegroup.Version, nodegroup.Status, nodegroup.ScalingConfig!.DesiredSize));
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeInsight_DemoInsight_ReturnsRecommendationAndStatus()
    {
        await using var aws = await TestAws.StartAsync();
        aws.Clusters["demo"].Insights[0].Status = "ERROR";
        aws.Clusters["demo"].Insights[0].Resources.Add("/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/legacy");
        using var http = new HttpClient();

        var insight = await TestAws.Eks(aws, http).DescribeInsightAsync("demo", "a1b2c3d4-0001-4000-8000-000000000001", CancellationToken.None);

        Assert.Equal("ERROR", insight.InsightStatus!.Status);
        Assert.Equal("/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/legacy", Assert.Single(insight.Resources).KubernetesResourceUri);
        Assert.NotEmpty(insight.Recommendation);
    }

    [Theory(Timeout = TestAws.Timeout)]
    [InlineData("nope", "1.31", "ResourceNotFoundException", HttpStatusCode.NotFound)]
    [InlineData("demo", "1.32", "InvalidParameterException", HttpStatusCode.BadRequest)]
    public async Task UpdateClusterVersion_BadRequest_IsPermanentWithCodeAndRequestId(string cluster, string version, string code, HttpStatusCode status)
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => TestAws.Eks(aws, http).UpdateClusterVersionAsync(cluster, version, null, CancellationToken.None));

        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(status, e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeCluster_ThrottledTwice_RetriesAndSucceeds()
    {
        await using var aws = await TestAws.StartAsync();
        aws.Faults.Throttle("DescribeCluster", count: 2, retryAfter: TimeSpan.FromSeconds(1));
        using var http = new HttpClient();

        var cluster = await TestAws.Eks(aws, http, retry: TestAws.QuickRetry).DescribeClusterAsync("demo", CancellationToken.None);

        Assert.Equal("demo", cluster.Name);
        Assert.Equal([429, 429, 200], aws.Requests.Where(r => r.Operation == "DescribeCluster").Select(r => r.Status));
    }

    [Theory(Timeout = TestAws.Timeout)]
    [InlineData(429, "ThrottlingException")]
    [InlineData(503, "ServiceUnavailableException")]
    [InlineData(500, "ServerException")]
    public async Task DescribeCluster_TransientErrorOutlastsRetries_IsTransientWithRetryAfter(int status, string code)
    {
        await using var aws = await TestAws.StartAsync();
        aws.Faults.Add("DescribeCluster", count: 10, status, code, "injected", TimeSpan.FromSeconds(2));
        using var http = new HttpClient();

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => TestAws.Eks(aws, http, retry: TestAws.QuickRetry).DescribeClusterAsync("demo", CancellationToken.None));

        Assert.Equal(code, e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(2), e.RetryAfter);
        Assert.Equal(3, aws.Requests.Count(r => r.Operation == "DescribeCluster"));
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeCluster_WrongSecret_Is403SignatureDoesNotMatchAndPermanent()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => TestAws.Eks(aws, http, new(aws.AccessKeyId, "not-the-secret")).DescribeClusterAsync("demo", CancellationToken.None));

        Assert.Equal(("SignatureDoesNotMatch", HttpStatusCode.Forbidden, false), (e.ErrorCode, e.StatusCode, e.IsTransient));
        Assert.DoesNotContain("not-the-secret", e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeCluster_ClientClockTenMinutesBehind_IsRequestExpired()
    {
        var time = new FakeTimeProvider(Start);
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { TimeProvider = time });
        using var http = new HttpClient();
        var behind = new FakeTimeProvider(Start - TimeSpan.FromMinutes(10));

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => TestAws.Eks(aws, http, time: behind).DescribeClusterAsync("demo", CancellationToken.None));

        Assert.Equal(("RequestExpired", HttpStatusCode.Forbidden), (e.ErrorCode, e.StatusCode));
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeCluster_UnknownAccessKey_IsUnrecognizedClient()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => TestAws.Eks(aws, http, new("AKIAUNKNOWN000000000", "x")).DescribeClusterAsync("demo", CancellationToken.None));

        Assert.Equal("UnrecognizedClientException", e.ErrorCode);
        Assert.Equal("AKIAUNKNOWN000000000", aws.Requests.Single().AccessKeyId);
    }
}
