namespace Addons.Kit.Testing.Aws;

/// <summary>One answered request, for tests to assert on.</summary>
/// <param name="Time">Emulator clock when answered.</param>
/// <param name="Service">"eks" or "sts".</param>
/// <param name="Operation">e.g. DescribeCluster, GetCallerIdentity ("Unknown" when no route matched).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Target">Path and query as received.</param>
/// <param name="AccessKeyId">The signer's access key id, null when unsigned or unparseable.</param>
/// <param name="Status">HTTP status answered.</param>
/// <param name="ErrorCode">AWS error code answered, null on success.</param>
public sealed record AwsRequest(DateTimeOffset Time, string Service, string Operation, string Method, string Target, string? AccessKeyId, int Status, string? ErrorCode);
