using Addons.Aws.Credentials;
using Addons.Aws.Eks;
using Addons.Aws.Sts;
using Addons.Kit.Testing.Aws;

namespace Addons.Aws.Tests;

/// <summary>Wiring shared by the client-vs-emulator tests.</summary>
internal static class TestAws
{
    public const int Timeout = 60_000;

    /// <summary>Fast retries so throttling tests do not wait for real seconds.</summary>
    public static readonly AwsRetryPolicy QuickRetry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };

    public static async Task<AwsEmulator> StartAsync(AwsEmulatorOptions? options = null)
    {
        var aws = await AwsEmulator.StartAsync(options ?? new AwsEmulatorOptions(), CancellationToken.None);
        EksDemo.Seed(aws);
        return aws;
    }

    public static AwsCredentials Credentials(AwsEmulator aws) => new(aws.AccessKeyId, aws.SecretAccessKey);

    public static EksClient Eks(AwsEmulator aws, HttpClient http, AwsCredentials? credentials = null, TimeProvider? time = null, AwsRetryPolicy? retry = null) =>
        new(http, new Uri(aws.Endpoint), aws.Region, new StaticCredentialsProvider(credentials ?? Credentials(aws)), time ?? aws.Options.TimeProvider, retry ?? AwsRetryPolicy.None);

    public static StsClient Sts(AwsEmulator aws, HttpClient http, IAwsCredentialsProvider? credentials = null, TimeProvider? time = null) =>
        new(http, new Uri(aws.Endpoint), aws.Region, credentials ?? new StaticCredentialsProvider(Credentials(aws)), time ?? aws.Options.TimeProvider, AwsRetryPolicy.None);
}
