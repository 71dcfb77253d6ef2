using System.Net;
using Addons.Aws.Credentials;
using Addons.Aws.SigV4;

namespace Addons.Aws;

/// <summary>
/// Sends one AWS API call: builds the request per attempt, signs it (when credentials are given), retries
/// transient failures per <see cref="AwsRetryPolicy"/> honouring Retry-After, and maps the final failure to
/// <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class AwsRequestSender(HttpClient http, IAwsCredentialsProvider? credentials, string region, string signingName, AwsRetryPolicy retry, TimeProvider time)
{
    public string Region => region;

    /// <summary>The successful response (caller disposes); failures throw <see cref="AwsServiceException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            AwsServiceException failure;
            using (var request = create())
            {
                if (credentials is not null)
                {
                    var current = await credentials.GetCredentialsAsync(ct).ConfigureAwait(false);
                    await RequestSigner.SignAsync(request, current, region, signingName, time.GetUtcNow(), ct).ConfigureAwait(false);
                }

                try
                {
                    var response = await http.SendAsync(request, ct).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return response;
                    }

                    using (response)
                    {
                        failure = await AwsErrors.FromResponseAsync(signingName, response, ct).ConfigureAwait(false);
                    }
                }
                catch (HttpRequestException e)
                {
                    failure = new AwsServiceException(signingName, "NetworkError", e.Message, null, null, isTransient: true, e);
                }
                catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
                {
                    failure = new AwsServiceException(signingName, "Timeout", "no response within the HTTP client's timeout", null, null, isTransient: true, e);
                }
            }

            if (!failure.IsTransient || attempt >= retry.MaxAttempts)
            {
                throw failure;
            }

            await Task.Delay(retry.Delay(attempt, failure.RetryAfter), time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>True for a 2xx status (used by callers that accept 404 as an answer).</summary>
    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
