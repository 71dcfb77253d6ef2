using System.Collections.Concurrent;
using Addons.Kit.Kubernetes.Client;

namespace Addons.Kit.Kubernetes.Discovery;

/// <summary>
/// What the API server serves: "is group/version/resource served", a group's preferred version, the first
/// served of several versions. Answers are cached; <see cref="Invalidate"/> (e.g. after a CRD change) or the
/// cache duration refreshes them.
/// <code>
/// var discovery = new ApiDiscovery(api);
/// var nodePools = await discovery.FirstServedAsync("karpenter.sh", "nodepools", ["v1", "v1beta1"], ct)
///     ?? throw new InvalidOperationException("Karpenter is not installed");
/// </code>
/// </summary>
/// <remarks>
/// <para>Guarantees: "not served" means the server answered 404 for the group/version or its resource list
/// lacks the resource — a 403, a 5xx or a transport error is thrown (<see cref="KubeApiException"/>,
/// <see cref="HttpRequestException"/>, <see cref="TimeoutException"/>) and not cached, never reported as
/// "not served". Resource types come back with the server's kind and scope.</para>
/// <para>Caveats: one request per group/version (and one for the group list) per cache period; uses the
/// JSON discovery documents (<c>/apis</c>, <c>/apis/&lt;g&gt;/&lt;v&gt;</c>), not aggregated discovery.</para>
/// </remarks>
public sealed class ApiDiscovery
{
    private readonly KubeApi _api;
    private readonly TimeSpan _cacheDuration;
    private readonly ConcurrentDictionary<string, Cached<IReadOnlyDictionary<string, ResourceType>?>> _resources = new(StringComparer.Ordinal);
    private Cached<IReadOnlyDictionary<string, string>>? _preferred;

    /// <summary>Creates the discovery client.</summary>
    /// <param name="api">The cluster to ask.</param>
    /// <param name="cacheDuration">How long an answer is reused. The default value is 10 minutes (kubectl's discovery cache).</param>
    public ApiDiscovery(KubeApi api, TimeSpan? cacheDuration = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _cacheDuration = cacheDuration ?? TimeSpan.FromMinutes(10);
    }

    /// <summary>True when <paramref name="group"/>/<paramref name="version"/> serves <paramref name="plural"/>.</summary>
    /// <param name="group">API group; empty for the core group.</param>
    /// <param name="version">Version, e.g. <c>v1</c>.</param>
    /// <param name="plural">Lower-case plural resource name, e.g. <c>nodepools</c>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> IsServedAsync(string group, string version, string plural, CancellationToken cancellationToken) =>
        await FindAsync(group, version, plural, cancellationToken) is not null;

    /// <summary>The served resource type (kind and scope as the server reports them), or null when not served.</summary>
    /// <param name="group">API group; empty for the core group.</param>
    /// <param name="version">Version, e.g. <c>v1</c>.</param>
    /// <param name="plural">Lower-case plural resource name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ResourceType?> FindAsync(string group, string version, string plural, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(plural);
        var resources = await ResourcesAsync(group, version, cancellationToken);
        return resources is not null && resources.TryGetValue(plural, out var type) ? type : null;
    }

    /// <summary>
    /// The first of <paramref name="versions"/> (in the caller's order of preference) that serves
    /// <paramref name="plural"/>, or null when none does.
    /// </summary>
    /// <param name="group">API group.</param>
    /// <param name="plural">Lower-case plural resource name.</param>
    /// <param name="versions">Versions to try, most preferred first (e.g. <c>["v1", "v1beta1"]</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ResourceType?> FirstServedAsync(string group, string plural, IEnumerable<string> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        foreach (var version in versions)
        {
            if (await FindAsync(group, version, plural, cancellationToken) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The server's preferred version of <paramref name="group"/> (<c>v1</c> for the core group), or null when the group is not served.</summary>
    /// <param name="group">API group.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<string?> PreferredVersionAsync(string group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Length == 0)
        {
            return "v1";
        }

        var now = _api.Time.GetUtcNow();
        var cached = Volatile.Read(ref _preferred);
        if (cached is null || now - cached.FetchedAt >= _cacheDuration)
        {
            var body = await _api.SendAsync(new KubeRequest(HttpMethod.Get, "/apis", "get", "apis"), cancellationToken);
            cached = new Cached<IReadOnlyDictionary<string, string>>(Decode(body, "apis", DiscoveryDocuments.PreferredVersions), now);
            Volatile.Write(ref _preferred, cached);
        }

        return cached.Value.GetValueOrDefault(group);
    }

    /// <summary>Forgets every cached answer; the next call asks the server again.</summary>
    public void Invalidate()
    {
        _resources.Clear();
        Volatile.Write(ref _preferred, null);
    }

    private async Task<IReadOnlyDictionary<string, ResourceType>?> ResourcesAsync(string group, string version, CancellationToken cancellationToken)
    {
        var key = group + "/" + version;
        var now = _api.Time.GetUtcNow();
        if (_resources.TryGetValue(key, out var cached) && now - cached.FetchedAt < _cacheDuration)
        {
            return cached.Value;
        }

        var path = group.Length == 0 ? "/api/" + version : "/apis/" + group + "/" + version;
        IReadOnlyDictionary<string, ResourceType>? resources;
        try
        {
            var body = await _api.SendAsync(new KubeRequest(HttpMethod.Get, path, "get", key), cancellationToken);
            resources = Decode(body, key, b => DiscoveryDocuments.Resources(b, group, version));
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            resources = null;
        }

        _resources[key] = new Cached<IReadOnlyDictionary<string, ResourceType>?>(resources, now);
        return resources;
    }

    // A discovery document that is not JSON (a proxy's page) is a KubeResponseException like any other answer.
    private static TResult Decode<TResult>(byte[] body, string resource, Func<byte[], TResult> parse)
    {
        try
        {
            return parse(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw KubeResponseException.Undecodable("get", resource, null, body, e);
        }
        catch (InvalidOperationException e)
        {
            // JsonElement accessors on a value of the wrong kind (an array where an object belongs, a number for a name).
            throw new KubeResponseException("get", resource, null, "malformed or unexpected JSON: " + e.Message.ReplaceLineEndings(" "), e);
        }
    }

    private sealed record Cached<TValue>(TValue Value, DateTimeOffset FetchedAt);
}
