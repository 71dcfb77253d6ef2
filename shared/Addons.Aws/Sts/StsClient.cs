using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Addons.Aws.Credentials;
using Addons.Aws.SigV4;

namespace Addons.Aws.Sts;

/// <summary>
/// The three STS calls the addons make, over the query protocol (form POST, Version 2011-06-15) with JSON
/// answers: GetCallerIdentity and AssumeRole (signed), AssumeRoleWithWebIdentity (unsigned; the web
/// identity token is the credential).
/// </summary>
public sealed class StsClient
{
    /// <summary>The STS API version.</summary>
    public const string ApiVersion = "2011-06-15";

    private readonly AwsRequestSender _sender;
    private readonly AwsRequestSender _unsigned;
    private readonly Uri _endpoint;

    /// <summary>Creates a client for <paramref name="endpoint"/>; <paramref name="credentials"/> null = only the unsigned call works.</summary>
    public StsClient(HttpClient http, Uri endpoint, string region, IAwsCredentialsProvider? credentials, TimeProvider? time = null, AwsRetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        time ??= TimeProvider.System;
        retry ??= new AwsRetryPolicy();
        _endpoint = endpoint;
        _sender = new AwsRequestSender(http, credentials ?? new MissingCredentials(), region, "sts", retry, time);
        _unsigned = new AwsRequestSender(http, null, region, "sts", retry, time);
    }

    /// <summary>A client at the endpoint <paramref name="environment"/> selects (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, or the regional endpoint).</summary>
    public static StsClient Create(HttpClient http, AwsEnvironment environment, string region, IAwsCredentialsProvider? credentials, TimeProvider? time = null, AwsRetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new StsClient(http, environment.Endpoint("STS", "sts", region), region, credentials, time, retry);
    }

    /// <summary>The endpoint this client calls.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>The signing region.</summary>
    public string Region => _sender.Region;

    /// <summary>Who the credentials are.</summary>
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct)
    {
        var envelope = await CallAsync(_sender, "GetCallerIdentity", [], StsJsonContext.Default.GetCallerIdentityEnvelope, ct).ConfigureAwait(false);
        var identity = envelope.GetCallerIdentityResponse?.GetCallerIdentityResult;
        return identity is { Account: { } account, Arn: { } arn }
            ? new CallerIdentity(account, arn, identity.UserId ?? "")
            : throw Malformed("GetCallerIdentity");
    }

    /// <summary>Temporary credentials of <paramref name="roleArn"/>.</summary>
    public async Task<AssumedRole> AssumeRoleAsync(string roleArn, string sessionName, TimeSpan? duration, string? externalId, CancellationToken ct)
    {
        var parameters = RoleParameters(roleArn, sessionName, duration);
        if (externalId is not null)
        {
            parameters.Add(new("ExternalId", externalId));
        }

        var envelope = await CallAsync(_sender, "AssumeRole", parameters, StsJsonContext.Default.AssumeRoleEnvelope, ct).ConfigureAwait(false);
        return Role(envelope.AssumeRoleResponse?.AssumeRoleResult, "AssumeRole");
    }

    /// <summary>Temporary credentials of <paramref name="roleArn"/> for the holder of <paramref name="webIdentityToken"/> (IRSA).</summary>
    public async Task<AssumedRole> AssumeRoleWithWebIdentityAsync(string roleArn, string sessionName, string webIdentityToken, TimeSpan? duration, CancellationToken ct)
    {
        var parameters = RoleParameters(roleArn, sessionName, duration);
        parameters.Add(new("WebIdentityToken", webIdentityToken));
        var envelope = await CallAsync(_unsigned, "AssumeRoleWithWebIdentity", parameters, StsJsonContext.Default.AssumeRoleEnvelope, ct).ConfigureAwait(false);
        return Role(envelope.AssumeRoleWithWebIdentityResponse?.AssumeRoleWithWebIdentityResult, "AssumeRoleWithWebIdentity");
    }

    private static List<KeyValuePair<string, string>> RoleParameters(string roleArn, string sessionName, TimeSpan? duration)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        ArgumentException.ThrowIfNullOrEmpty(sessionName);
        var list = new List<KeyValuePair<string, string>> { new("RoleArn", roleArn), new("RoleSessionName", sessionName) };
        if (duration is { } d)
        {
            list.Add(new("DurationSeconds", ((long)d.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private async Task<T> CallAsync<T>(AwsRequestSender sender, string action, List<KeyValuePair<string, string>> parameters, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
    {
        var form = "Action=" + action + "&Version=" + ApiVersion + string.Concat(parameters.Select(p => "&" + CanonicalRequest.UriEncode(p.Key, true) + "=" + CanonicalRequest.UriEncode(p.Value, true)));
        using var response = await sender.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(form, Encoding.UTF8) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return request;
            },
            ct).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, type, ct).ConfigureAwait(false) ?? throw Malformed(action);
            }
            catch (JsonException e)
            {
                throw new AwsServiceException("sts", "MalformedResponse", $"{action} answer is not the expected JSON: {e.Message}", response.StatusCode, null, isTransient: false, e);
            }
        }
    }

    private static AssumedRole Role(StsRoleResult? result, string action) =>
        result is { Credentials: { AccessKeyId: { } id, SecretAccessKey: { } secret } credentials, AssumedRoleUser: { Arn: { } arn } user }
            ? new AssumedRole(new AwsCredentials(id, secret, credentials.SessionToken, credentials.Expiration), arn, user.AssumedRoleId ?? "")
            : throw Malformed(action);

    private static AwsServiceException Malformed(string action) =>
        new("sts", "MalformedResponse", $"{action} answer lacks the expected fields", null, null, isTransient: false);

    private sealed class MissingCredentials : IAwsCredentialsProvider
    {
        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken ct) =>
            throw new AwsConfigurationException("this STS client has no credentials; only AssumeRoleWithWebIdentity can be called");
    }
}
