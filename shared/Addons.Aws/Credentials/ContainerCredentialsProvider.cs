using System.Net;
using System.Text.Json;

namespace Addons.Aws.Credentials;

/// <summary>
/// Container credentials (ECS task roles, EKS Pod Identity): GET <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>
/// with the Authorization token read from <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c> (re-read on every
/// refresh; the agent rotates it) or <c>AWS_CONTAINER_AUTHORIZATION_TOKEN</c>, refreshed 5 minutes before expiry.
/// Plain http is accepted only for loopback and the ECS/EKS agent link-local addresses, as the SDKs do.
/// </summary>
public sealed class ContainerCredentialsProvider : IAwsCredentialsProvider, IDisposable
{
    private static readonly string[] AgentHosts = ["169.254.170.2", "169.254.170.23", "[fd00:ec2::23]"];
    private readonly CredentialCache _cache;

    /// <summary>Creates the provider; throws <see cref="AwsConfigurationException"/> for a URI the SDKs would refuse.</summary>
    public ContainerCredentialsProvider(HttpClient http, Uri uri, string? tokenFile, string? token, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != "https" && !(uri.Scheme == "http" && (uri.IsLoopback || AgentHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))))
        {
            throw new AwsConfigurationException($"AWS_CONTAINER_CREDENTIALS_FULL_URI '{uri}' is not accepted: use https, or http on loopback, 169.254.170.2 or 169.254.170.23");
        }

        _cache = new CredentialCache(ct => FetchAsync(http, uri, tokenFile, token, ct), time, WebIdentityCredentialsProvider.RefreshWindow);
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken ct) => _cache.GetAsync(ct);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private static async Task<AwsCredentials> FetchAsync(HttpClient http, Uri uri, string? tokenFile, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var authorization = tokenFile is not null ? (await File.ReadAllTextAsync(tokenFile, ct).ConfigureAwait(false)).Trim() : token;
        if (authorization is { Length: > 0 })
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AwsServiceException("container-credentials", "NetworkError", e.Message, null, null, isTransient: true, e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            ContainerCredentials? parsed = null;
            try
            {
                parsed = JsonSerializer.Deserialize(body, CredentialsJsonContext.Default.ContainerCredentials);
            }
            catch (JsonException)
            {
                // Not JSON: reported below with the status.
            }

            if (response.StatusCode != HttpStatusCode.OK || parsed?.AccessKeyId is null || parsed.SecretAccessKey is null)
            {
                var code = parsed?.Code ?? "HTTP" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (int)response.StatusCode >= 500
                    ? throw new AwsServiceException("container-credentials", code, parsed?.Message ?? "no credentials in the response", response.StatusCode, null, isTransient: true)
                    : throw new AwsServiceException("container-credentials", code, parsed?.Message ?? "no credentials in the response", response.StatusCode, null, isTransient: false);
            }

            return new AwsCredentials(parsed.AccessKeyId, parsed.SecretAccessKey, parsed.Token, parsed.Expiration) { Source = "container" };
        }
    }
}
