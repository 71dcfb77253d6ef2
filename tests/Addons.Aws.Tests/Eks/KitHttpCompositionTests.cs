using Addons.Kit.Http;

namespace Addons.Aws.Tests.Eks;

/// <summary>
/// The AWS clients on the kit's outbound HTTP client (pooling, attempt timeout, metrics, redaction) with the kit's
/// retries off and <see cref="AwsRetryPolicy"/> on: AWS throttling that arrives as HTTP 400 (which only the AWS
/// layer recognises, by its code) and as 429 is retried, each attempt signed again.
/// </summary>
public sealed class KitHttpCompositionTests
{
    [Fact(Timeout = TestAws.Timeout)]
    public async Task DescribeCluster_OnKitHttpWithThrottlingAs400And429_RetriedByTheAwsPolicyAndAnswered()
    {
        await using var aws = await TestAws.StartAsync();
        using var outbound = new OutboundHttp();
        using var http = outbound.CreateClient(new HttpTargetOptions { Name = "eks", MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(20) });
        aws.Faults.Add("DescribeCluster", 1, 400, "ThrottlingException", "Rate exceeded");
        aws.Faults.Throttle("DescribeCluster", 1, TimeSpan.FromMilliseconds(10));

        var cluster = await TestAws.Eks(aws, http, retry: TestAws.QuickRetry).DescribeClusterAsync("demo", CancellationToken.None);

        Assert.Equal("demo", cluster.Name);
        Assert.Equal([400, 429, 200], aws.Requests.Where(r => r.Operation == "DescribeCluster").Select(r => r.Status));
    }
}
