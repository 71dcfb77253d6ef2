using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Addons.Aws.Credentials;
using Addons.Aws.Eks.Model;
using Addons.Aws.SigV4;

namespace Addons.Aws.Eks;

/// <summary>
/// The EKS calls kuo makes, over the REST-JSON API with SigV4. Every list call follows nextToken to the
/// end; failures are <see cref="AwsServiceException"/> with the AWS error code, request id and
/// <see cref="AwsServiceException.IsTransient"/> set; transient failures are retried per <see cref="AwsRetryPolicy"/> first.
/// </summary>
public sealed class EksClient
{
    private const int MaxPages = 1000;
    private readonly AwsRequestSender _sender;
    private readonly Uri _endpoint;

    /// <summary>Creates a client for <paramref name="endpoint"/> signing as <paramref name="credentials"/> in <paramref name="region"/>.</summary>
    public EksClient(HttpClient http, Uri endpoint, string region, IAwsCredentialsProvider credentials, TimeProvider? time = null, AwsRetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        _endpoint = endpoint;
        _sender = new AwsRequestSender(http, credentials, region, "eks", retry ?? new AwsRetryPolicy(), time ?? TimeProvider.System);
    }

    /// <summary>A client at the endpoint <paramref name="environment"/> selects (AWS_ENDPOINT_URL_EKS, AWS_ENDPOINT_URL, or the regional endpoint).</summary>
    public static EksClient Create(HttpClient http, AwsEnvironment environment, string region, IAwsCredentialsProvider credentials, TimeProvider? time = null, AwsRetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new EksClient(http, environment.Endpoint("EKS", "eks", region), region, credentials, time, retry);
    }

    /// <summary>The endpoint this client calls.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Every cluster name in the region.</summary>
    public Task<IReadOnlyList<string>> ListClustersAsync(CancellationToken ct) =>
        NamesAsync("/clusters", p => p.Clusters, ct);

    /// <summary>One cluster.</summary>
    public async Task<EksCluster> DescribeClusterAsync(string clusterName, CancellationToken ct) =>
        (await GetAsync("/clusters/" + Seg(clusterName), EksJsonContext.Default.ClusterEnvelope, ct).ConfigureAwait(false)).Cluster ?? throw Malformed("DescribeCluster");

    /// <summary>Kubernetes versions with their support lifecycle; <paramref name="versions"/> narrows to those versions (all when empty).</summary>
    public Task<IReadOnlyList<EksClusterVersion>> DescribeClusterVersionsAsync(IEnumerable<string>? versions, CancellationToken ct)
    {
        var filter = versions?.ToList() is { Count: > 0 } list ? "clusterVersions=" + string.Join("&clusterVersions=", list.Select(Seg)) : null;
        return PagesAsync("/cluster-versions", filter, EksJsonContext.Default.ClusterVersionsPage, p => (p.ClusterVersions, p.NextToken), ct);
    }

    /// <summary>Starts a control-plane upgrade to <paramref name="version"/> (one minor up).</summary>
    public Task<EksUpdate> UpdateClusterVersionAsync(string clusterName, string version, string? clientRequestToken, CancellationToken ct) =>
        UpdateAsync("/clusters/" + Seg(clusterName) + "/updates", new UpdateClusterVersionBody { Version = version, ClientRequestToken = clientRequestToken ?? Guid.NewGuid().ToString() }, EksJsonContext.Default.UpdateClusterVersionBody, "UpdateClusterVersion", ct);

    /// <summary>One update of the cluster (or of a node group / add-on of it).</summary>
    public async Task<EksUpdate> DescribeUpdateAsync(string clusterName, string updateId, string? nodegroupName, string? addonName, CancellationToken ct)
    {
        var query = nodegroupName is not null ? "?nodegroupName=" + Seg(nodegroupName) : addonName is not null ? "?addonName=" + Seg(addonName) : "";
        return (await GetAsync("/clusters/" + Seg(clusterName) + "/updates/" + Seg(updateId) + query, EksJsonContext.Default.UpdateEnvelope, ct).ConfigureAwait(false)).Update ?? throw Malformed("DescribeUpdate");
    }

    /// <summary>Every update id of the cluster (or of a node group / add-on of it).</summary>
    public Task<IReadOnlyList<string>> ListUpdatesAsync(string clusterName, string? nodegroupName, string? addonName, CancellationToken ct)
    {
        var filter = nodegroupName is not null ? "nodegroupName=" + Seg(nodegroupName) : addonName is not null ? "addonName=" + Seg(addonName) : null;
        return NamesAsync("/clusters/" + Seg(clusterName) + "/updates", p => p.UpdateIds, ct, filter);
    }

    /// <summary>Every installed add-on name.</summary>
    public Task<IReadOnlyList<string>> ListAddonsAsync(string clusterName, CancellationToken ct) =>
        NamesAsync("/clusters/" + Seg(clusterName) + "/addons", p => p.Addons, ct);

    /// <summary>One installed add-on.</summary>
    public async Task<EksAddon> DescribeAddonAsync(string clusterName, string addonName, CancellationToken ct) =>
        (await GetAsync("/clusters/" + Seg(clusterName) + "/addons/" + Seg(addonName), EksJsonContext.Default.AddonEnvelope, ct).ConfigureAwait(false)).Addon ?? throw Malformed("DescribeAddon");

    /// <summary>Add-ons and their versions, narrowed to a Kubernetes version and/or an add-on name.</summary>
    public Task<IReadOnlyList<EksAddonInfo>> DescribeAddonVersionsAsync(string? kubernetesVersion, string? addonName, CancellationToken ct)
    {
        var parts = new List<string>();
        if (kubernetesVersion is not null)
        {
            parts.Add("kubernetesVersion=" + Seg(kubernetesVersion));
        }

        if (addonName is not null)
        {
            parts.Add("addonName=" + Seg(addonName));
        }

        return PagesAsync("/addons/supported-versions", parts.Count > 0 ? string.Join('&', parts) : null, EksJsonContext.Default.AddonVersionsPage, p => (p.Addons, p.NextToken), ct);
    }

    /// <summary>Starts an add-on update to <paramref name="addonVersion"/>.</summary>
    public Task<EksUpdate> UpdateAddonAsync(string clusterName, string addonName, string addonVersion, string resolveConflicts, CancellationToken ct) =>
        UpdateAsync("/clusters/" + Seg(clusterName) + "/addons/" + Seg(addonName) + "/update", new UpdateAddonBody { AddonVersion = addonVersion, ResolveConflicts = resolveConflicts, ClientRequestToken = Guid.NewGuid().ToString() }, EksJsonContext.Default.UpdateAddonBody, "UpdateAddon", ct);

    /// <summary>Every managed node group name.</summary>
    public Task<IReadOnlyList<string>> ListNodegroupsAsync(string clusterName, CancellationToken ct) =>
        NamesAsync("/clusters/" + Seg(clusterName) + "/node-groups", p => p.Nodegroups, ct);

    /// <summary>One managed node group.</summary>
    public async Task<EksNodegroup> DescribeNodegroupAsync(string clusterName, string nodegroupName, CancellationToken ct) =>
        (await GetAsync("/clusters/" + Seg(clusterName) + "/node-groups/" + Seg(nodegroupName), EksJsonContext.Default.NodegroupEnvelope, ct).ConfigureAwait(false)).Nodegroup ?? throw Malformed("DescribeNodegroup");

    /// <summary>Starts a node group version update (version null = the cluster's version).</summary>
    public Task<EksUpdate> UpdateNodegroupVersionAsync(string clusterName, string nodegroupName, string? version, string? releaseVersion, bool force, CancellationToken ct) =>
        UpdateAsync("/clusters/" + Seg(clusterName) + "/node-groups/" + Seg(nodegroupName) + "/update-version", new UpdateNodegroupVersionBody { Version = version, ReleaseVersion = releaseVersion, Force = force ? true : null, ClientRequestToken = Guid.NewGuid().ToString() }, EksJsonContext.Default.UpdateNodegroupVersionBody, "UpdateNodegroupVersion", ct);

    /// <summary>Every insight matching <paramref name="filter"/> (all when null).</summary>
    public async Task<IReadOnlyList<EksInsightSummary>> ListInsightsAsync(string clusterName, EksInsightFilter? filter, CancellationToken ct)
    {
        var all = new List<EksInsightSummary>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var body = new ListInsightsBody { Filter = filter, NextToken = token };
            var result = await SendAsync(HttpMethod.Post, "/clusters/" + Seg(clusterName) + "/insights", Json(body, EksJsonContext.Default.ListInsightsBody), EksJsonContext.Default.InsightsPage, ct).ConfigureAwait(false);
            all.AddRange(result.Insights ?? []);
            token = Next(token, result.NextToken, "ListInsights");
            if (token is null)
            {
                return all;
            }
        }

        throw TooManyPages("ListInsights");
    }

    /// <summary>One insight with its recommendation and affected resources.</summary>
    public async Task<EksInsight> DescribeInsightAsync(string clusterName, string insightId, CancellationToken ct) =>
        (await GetAsync("/clusters/" + Seg(clusterName) + "/insights/" + Seg(insightId), EksJsonContext.Default.InsightEnvelope, ct).ConfigureAwait(false)).Insight ?? throw Malformed("DescribeInsight");

    private static string Seg(string value) => CanonicalRequest.UriEncode(value, encodeSlash: true);

    private Task<T> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken ct) => SendAsync(HttpMethod.Get, pathAndQuery, null, type, ct);

    private async Task<EksUpdate> UpdateAsync<TBody>(string path, TBody body, JsonTypeInfo<TBody> bodyType, string operation, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, path, Json(body, bodyType), EksJsonContext.Default.UpdateEnvelope, ct).ConfigureAwait(false)).Update ?? throw Malformed(operation);

    private async Task<IReadOnlyList<string>> NamesAsync(string path, Func<NamePage, List<string>?> select, CancellationToken ct, string? filter = null) =>
        await PagesAsync(path, filter, EksJsonContext.Default.NamePage, p => (select(p), p.NextToken), ct).ConfigureAwait(false);

    private async Task<IReadOnlyList<TItem>> PagesAsync<TPage, TItem>(string path, string? filter, JsonTypeInfo<TPage> type, Func<TPage, (List<TItem>? Items, string? NextToken)> select, CancellationToken ct)
    {
        var all = new List<TItem>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = string.Join('&', new[] { filter, token is null ? null : "nextToken=" + Seg(token) }.Where(q => q is not null));
            var (items, next) = select(await GetAsync(path + (query.Length > 0 ? "?" + query : ""), type, ct).ConfigureAwait(false));
            all.AddRange(items ?? []);
            token = Next(token, next, path);
            if (token is null)
            {
                return all;
            }
        }

        throw TooManyPages(path);
    }

    private static string? Next(string? previous, string? next, string what) =>
        string.IsNullOrEmpty(next) ? null
        : next == previous ? throw new AwsServiceException("eks", "PaginationLoop", $"{what} returned the same nextToken twice", null, null, isTransient: false)
        : next;

    private static string Json<T>(T body, JsonTypeInfo<T> type) => JsonSerializer.Serialize(body, type);

    private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, string? body, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var uri = new Uri(_endpoint, _endpoint.AbsolutePath.TrimEnd('/') + pathAndQuery);
        using var response = await _sender.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, uri);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                return request;
            },
            ct).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, type, ct).ConfigureAwait(false) ?? throw Malformed(pathAndQuery);
            }
            catch (JsonException e)
            {
                throw new AwsServiceException("eks", "MalformedResponse", $"answer to {method} {pathAndQuery} is not the expected JSON: {e.Message}", response.StatusCode, null, isTransient: false, e);
            }
        }
    }

    private static AwsServiceException Malformed(string what) => new("eks", "MalformedResponse", $"{what}: the answer lacks the expected object", null, null, isTransient: false);

    private static AwsServiceException TooManyPages(string what) => new("eks", "PaginationLimit", $"{what}: more than {MaxPages} pages", null, null, isTransient: false);
}
