namespace Addons.Kit.Testing.Aws;

/// <summary>How an <see cref="AwsEmulator"/> listens, pages and moves updates along.</summary>
public sealed class AwsEmulatorOptions
{
    /// <summary>Loopback port.</summary>
    /// <value>The default value is 0: a free port (read it back from <see cref="AwsEmulator.Endpoint"/>).</value>
    public int Port { get; init; }

    /// <summary>Clock for signatures, credential expiry and update progress.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>; tests pass a FakeTimeProvider.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The region EKS resources live in (ARNs, the expected signing region of EKS calls).</summary>
    /// <value>The default value is us-east-1.</value>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account of the default user and of the ARNs.</summary>
    /// <value>The default value is 111122223333.</value>
    public string AccountId { get; init; } = "111122223333";

    /// <summary>The largest page any list call returns (a smaller maxResults wins), to force nextToken in tests.</summary>
    /// <value>The default value is 100, EKS's own default page size.</value>
    public int PageSize { get; init; } = 100;

    /// <summary>How long an update stays InProgress.</summary>
    /// <value>The default value is 20 seconds (real control-plane updates take ~10 minutes; scale down for demos and tests).</value>
    public TimeSpan UpdateDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How far a signature's X-Amz-Date may be from the emulator's clock.</summary>
    /// <value>The default value is 5 minutes, as AWS enforces.</value>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Access key id of the built-in user (an IAM user in <see cref="AccountId"/>).</summary>
    /// <value>The default value is AKIAEMULATOR0000DEMO.</value>
    public string AccessKeyId { get; init; } = "AKIAEMULATOR0000DEMO";

    /// <summary>Secret access key of the built-in user.</summary>
    /// <value>The default value is emulator/secret/access/key/0000000000000.</value>
    public string SecretAccessKey { get; init; } = "emulator/secret/access/key/0000000000000";

    /// <summary>Lifetime of credentials from AssumeRole/AssumeRoleWithWebIdentity when DurationSeconds is absent.</summary>
    /// <value>The default value is 1 hour, STS's default.</value>
    public TimeSpan SessionDuration { get; init; } = TimeSpan.FromHours(1);
}
