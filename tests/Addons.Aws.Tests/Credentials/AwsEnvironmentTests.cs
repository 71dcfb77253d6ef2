namespace Addons.Aws.Tests.Credentials;

/// <summary>Region and endpoint selection from the environment, as the AWS SDKs do it.</summary>
public sealed class AwsEnvironmentTests
{
    [Theory]
    [InlineData("EKS", "http://eks.local:1", "http://all.local:2", "http://eks.local:1/")]
    [InlineData("STS", "http://eks.local:1", "http://all.local:2", "http://all.local:2/")]
    [InlineData("STS", null, null, "https://sts.eu-west-1.amazonaws.com/")]
    [InlineData("EKS", null, null, "https://eks.eu-west-1.amazonaws.com/")]
    public void Endpoint_ServiceVariableThenGlobalThenRegional(string service, string? eks, string? all, string expected)
    {
        var vars = new Dictionary<string, string>();
        if (eks is not null)
        {
            vars["AWS_ENDPOINT_URL_EKS"] = eks;
        }

        if (all is not null)
        {
            vars["AWS_ENDPOINT_URL"] = all;
        }

        var endpoint = AwsEnvironment.From(vars).Endpoint(service, service.ToLowerInvariant(), "eu-west-1");

        Assert.Equal(expected, endpoint.ToString());
    }

    [Fact]
    public void Endpoint_IgnoreConfiguredEndpoints_UsesTheRegionalOne()
    {
        var env = AwsEnvironment.From(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://x:1", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" });

        Assert.Equal("https://eks.cn-north-1.amazonaws.com.cn/", env.Endpoint("EKS", "eks", "cn-north-1").ToString());
    }

    [Fact]
    public void Endpoint_NotAUrl_FailsNamingTheVariable()
    {
        var env = AwsEnvironment.From(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_STS"] = "sts.local" });

        var e = Assert.Throws<AwsConfigurationException>(() => env.Endpoint("STS", "sts", "us-east-1"));

        Assert.Equal("AWS_ENDPOINT_URL_STS='sts.local' is not an absolute http(s) URL", e.Message);
    }

    [Theory]
    [InlineData("ap-south-1", "us-east-1", "eu-west-1", "ap-south-1")]
    [InlineData(null, "us-east-1", "eu-west-1", "us-east-1")]
    [InlineData(null, null, "eu-west-1", "eu-west-1")]
    public void Region_ExplicitThenAwsRegionThenDefault(string? explicitRegion, string? awsRegion, string? defaultRegion, string expected)
    {
        var vars = new Dictionary<string, string>();
        if (awsRegion is not null)
        {
            vars["AWS_REGION"] = awsRegion;
        }

        if (defaultRegion is not null)
        {
            vars["AWS_DEFAULT_REGION"] = defaultRegion;
        }

        Assert.Equal(expected, AwsEnvironment.From(vars).Region(explicitRegion));
    }

    [Theory]
    [InlineData(null, "no AWS region: set the region explicitly (spec.region) or AWS_REGION")]
    [InlineData("US East", "AWS region 'US East' is not valid: expected lower-case letters, digits and '-', e.g. us-east-1")]
    public void Region_MissingOrMalformed_FailsWithOneLine(string? region, string message)
    {
        var e = Assert.Throws<AwsConfigurationException>(() => AwsEnvironment.From(new Dictionary<string, string>()).Region(region));

        Assert.Equal(message, e.Message);
    }
}
