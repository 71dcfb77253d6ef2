using System.Text.Json.Nodes;
using Addons.Aws.Tokens;
using Addons.Kit.Testing.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Aws.Tests.Cli;

/// <summary>
/// The EKS/STS emulator judged by the real AWS CLI v2 (--endpoint-url), and our client compared with the
/// CLI on the same emulator: both must see the same answers.
/// </summary>
public sealed class AwsCliConformanceTests
{
    private const int Timeout = 120_000;

    [Fact(Timeout = Timeout)]
    public async Task DescribeCluster_CliAndClient_SeeTheSameCluster()
    {
        await using var aws = await TestAws.StartAsync();
        using var cli = new AwsCli(aws);
        using var http = new HttpClient();

        var fromCli = (await cli.JsonAsync(CancellationToken.None, "eks", "describe-cluster", "--name", "demo"))["cluster"]!;
        var ours = await TestAws.Eks(aws, http).DescribeClusterAsync("demo", CancellationToken.None);

        Assert.Equal(ours.Name, fromCli["name"]!.GetValue<string>());
        Assert.Equal(ours.Version, fromCli["version"]!.GetValue<string>());
        Assert.Equal(ours.PlatformVersion, fromCli["platformVersion"]!.GetValue<string>());
        Assert.Equal(ours.Status, fromCli["status"]!.GetValue<string>());
        Assert.Equal(ours.Arn, fromCli["arn"]!.GetValue<string>());
        Assert.True(fromCli["deletionProtection"]!.GetValue<bool>());
        Assert.Equal(ours.CreatedAt, DateTimeOffset.Parse(fromCli["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(aws.AccessKeyId, aws.Requests[0].AccessKeyId);
    }

    [Fact(Timeout = Timeout)]
    public async Task ListAddonsNodegroupsInsights_PageSizeOne_CliFollowsEveryPageLikeTheClient()
    {
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { PageSize = 1 });
        using var cli = new AwsCli(aws);
        using var http = new HttpClient();
        var eks = TestAws.Eks(aws, http);

        var addons = await cli.JsonAsync(CancellationToken.None, "eks", "list-addons", "--cluster-name", "demo");
        var nodegroups = await cli.JsonAsync(CancellationToken.None, "eks", "list-nodegroups", "--cluster-name", "demo");
        var insights = await cli.JsonAsync(CancellationToken.None, "eks", "list-insights", "--cluster-name", "demo", "--filter", "categories=UPGRADE_READINESS");
        var versions = await cli.JsonAsync(CancellationToken.None, "eks", "describe-cluster-versions");

        Assert.Equal(await eks.ListAddonsAsync("demo", CancellationToken.None), Strings(addons["addons"]));
        Assert.Equal(await eks.ListNodegroupsAsync("demo", CancellationToken.None), Strings(nodegroups["nodegroups"]));
        Assert.Equal((await eks.ListInsightsAsync("demo", null, CancellationToken.None)).Select(i => i.Id), insights["insights"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal((await eks.DescribeClusterVersionsAsync(null, CancellationToken.None)).Select(v => v.ClusterVersion), versions["clusterVersions"]!.AsArray().Select(v => v!["clusterVersion"]!.GetValue<string>()));
        Assert.True(aws.Requests.Count(r => r.Operation == "ListAddons" && r.AccessKeyId == aws.AccessKeyId) >= 8, "the CLI and the client each page through 4 add-ons one at a time");
    }

    [Fact(Timeout = Timeout)]
    public async Task DescribeAddonVersions_ForKubernetesVersion_CliAndClientAgreeOnDefaults()
    {
        await using var aws = await TestAws.StartAsync();
        using var cli = new AwsCli(aws);
        using var http = new HttpClient();

        var fromCli = await cli.JsonAsync(CancellationToken.None, "eks", "describe-addon-versions", "--kubernetes-version", "1.31");
        var ours = await TestAws.Eks(aws, http).DescribeAddonVersionsAsync("1.31", null, CancellationToken.None);

        var cliDefaults = fromCli["addons"]!.AsArray().Select(a => a!["addonName"]!.GetValue<string>() + "=" + a["addonVersions"]!.AsArray()
            .Single(v => v!["compatibilities"]!.AsArray().Any(c => c!["defaultVersion"]!.GetValue<bool>()))!["addonVersion"]!.GetValue<string>());
        var ourDefaults = ours.Select(a => a.AddonName + "=" + a.AddonVersions.Single(v => v.Compatibilities.Any(c => c.DefaultVersion)).AddonVersion);
        Assert.Equal(ourDefaults, cliDefaults);
        Assert.Contains("vpc-cni=v1.18.0-eksbuild.2", cliDefaults);
    }

    [Fact(Timeout = Timeout)]
    public async Task UpdateClusterVersion_ThenDescribeUpdate_CliSeesInProgressThenSuccessful()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { TimeProvider = time, UpdateDuration = TimeSpan.FromMinutes(2) });
        using var cli = new AwsCli(aws);
        using var http = new HttpClient();

        var started = (await cli.JsonAsync(CancellationToken.None, "eks", "update-cluster-version", "--name", "demo", "--kubernetes-version", "1.31"))["update"]!;
        var id = started["id"]!.GetValue<string>();
        var during = (await cli.JsonAsync(CancellationToken.None, "eks", "describe-update", "--name", "demo", "--update-id", id))["update"]!;
        time.Advance(TimeSpan.FromMinutes(2));
        var after = (await cli.JsonAsync(CancellationToken.None, "eks", "describe-update", "--name", "demo", "--update-id", id))["update"]!;
        var ours = await new Addons.Aws.Eks.EksClient(http, new Uri(aws.Endpoint), aws.Region, new Addons.Aws.Credentials.StaticCredentialsProvider(TestAws.Credentials(aws)), TimeProvider.System).DescribeUpdateAsync("demo", id, null, null, CancellationToken.None);
        var cluster = (await cli.JsonAsync(CancellationToken.None, "eks", "describe-cluster", "--name", "demo"))["cluster"]!;

        Assert.Equal("InProgress", started["status"]!.GetValue<string>());
        Assert.Equal("InProgress", during["status"]!.GetValue<string>());
        Assert.Equal("Successful", after["status"]!.GetValue<string>());
        Assert.Equal("Successful", ours.Status);
        Assert.Equal("1.31", cluster["version"]!.GetValue<string>());
    }

    [Fact(Timeout = Timeout)]
    public async Task StsGetCallerIdentityAndAssumeRole_Cli_MatchesTheClientAndTheAssumedKeysWork()
    {
        await using var aws = await TestAws.StartAsync();
        using var cli = new AwsCli(aws);
        using var http = new HttpClient();

        var me = await cli.JsonAsync(CancellationToken.None, "sts", "get-caller-identity");
        var ours = await TestAws.Sts(aws, http).GetCallerIdentityAsync(CancellationToken.None);
        var role = await cli.JsonAsync(CancellationToken.None, "sts", "assume-role", "--role-arn", "arn:aws:iam::999988887777:role/kuo-target", "--role-session-name", "cli");
        var creds = role["Credentials"]!;
        cli.AccessKeyId = creds["AccessKeyId"]!.GetValue<string>();
        cli.SecretAccessKey = creds["SecretAccessKey"]!.GetValue<string>();
        cli.SessionToken = creds["SessionToken"]!.GetValue<string>();
        var assumed = await cli.JsonAsync(CancellationToken.None, "sts", "get-caller-identity");
        var cluster = await cli.JsonAsync(CancellationToken.None, "eks", "describe-cluster", "--name", "demo");

        Assert.Equal((ours.Account, ours.Arn, ours.UserId), (me["Account"]!.GetValue<string>(), me["Arn"]!.GetValue<string>(), me["UserId"]!.GetValue<string>()));
        Assert.Equal("arn:aws:sts::999988887777:assumed-role/kuo-target/cli", role["AssumedRoleUser"]!["Arn"]!.GetValue<string>());
        Assert.Equal("arn:aws:sts::999988887777:assumed-role/kuo-target/cli", assumed["Arn"]!.GetValue<string>());
        Assert.Equal("demo", cluster["cluster"]!["name"]!.GetValue<string>());
        Assert.Equal(cli.AccessKeyId, aws.Requests.Last().AccessKeyId);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("eks", "describe-cluster", "SignatureDoesNotMatch")]
    [InlineData("sts", "get-caller-identity", "SignatureDoesNotMatch")]
    public async Task AnyCall_WrongSecret_CliReportsSignatureDoesNotMatch(string service, string command, string code)
    {
        await using var aws = await TestAws.StartAsync();
        using var cli = new AwsCli(aws) { SecretAccessKey = "wrong-secret" };

        var (exit, _, stderr) = service == "eks"
            ? await cli.RunAsync(CancellationToken.None, service, command, "--name", "demo")
            : await cli.RunAsync(CancellationToken.None, service, command);

        Assert.NotEqual(0, exit);
        Assert.Contains(code, stderr, StringComparison.Ordinal);
        Assert.Equal(403, aws.Requests.Last().Status);
    }

    [Fact(Timeout = Timeout)]
    public async Task GetToken_CliToken_IsAcceptedForItsClusterOnlyLikeOurs()
    {
        await using var aws = await TestAws.StartAsync();
        using var cli = new AwsCli(aws);
        using var demo = new EksTokenAuthenticator(aws, "demo");
        using var other = new EksTokenAuthenticator(aws, "other");

        var token = (await cli.JsonAsync(CancellationToken.None, "eks", "get-token", "--cluster-name", "demo"))["status"]!["token"]!.GetValue<string>();
        var ours = EksTokenGenerator.Create(TestAws.Credentials(aws), new Uri(aws.Endpoint), aws.Region, "demo", DateTimeOffset.UtcNow);
        var cliUrl = EksTokenAuthenticator.Decode(token)!;
        var ourUrl = EksTokenAuthenticator.Decode(ours.Value)!;

        Assert.StartsWith("k8s-aws-v1.", token, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:iam::{aws.AccountId}:user/emulator-admin", (await demo.AuthenticateAsync(token, CancellationToken.None))?.Arn);
        Assert.Equal($"arn:aws:iam::{aws.AccountId}:user/emulator-admin", (await demo.AuthenticateAsync(ours.Value, CancellationToken.None))?.Arn);
        Assert.Null(await other.AuthenticateAsync(token, CancellationToken.None));
        Assert.Equal(Params(cliUrl), Params(ourUrl));
    }

    private static List<string> Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static string Params(Uri url) => string.Join(',', Addons.Aws.SigV4.CanonicalRequest.ParseQuery(url.Query)
        .Where(p => p.Key is "Action" or "Version" or "X-Amz-Algorithm" or "X-Amz-Expires" or "X-Amz-SignedHeaders")
        .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
}
