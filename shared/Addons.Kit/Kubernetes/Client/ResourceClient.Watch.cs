using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

public sealed partial class ResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>One raw watch request: yields events until the server ends the stream (normal: the enumeration
    /// completes) or fails (throws <see cref="KubeApiException"/>, e.g. 410 Gone when the resourceVersion is too old).</summary>
    /// <remarks>Low level: no resume, no relist. Use <see cref="Watcher{T}"/> or <see cref="Informer{T}"/> for a watch that never gaps.</remarks>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? ns, WatchOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= new WatchOptions();
        var query = new QueryBuilder();
        query.Add("watch", "true");
        query.Add("resourceVersion", options.ResourceVersion);
        query.Add("labelSelector", options.LabelSelector);
        query.Add("fieldSelector", options.FieldSelector);
        if (options.AllowBookmarks)
        {
            query.Add("allowWatchBookmarks", "true");
        }

        if (options.Timeout is { } timeout)
        {
            query.Add("timeoutSeconds", ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        var request = new KubeRequest(HttpMethod.Get, Type.CollectionPath(ns) + query.ToString(), "watch", Type.Plural);
        using var response = await api.OpenStreamAsync(request, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var lines = new LineReader(stream);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            WatchEvent<T> evt;
            try
            {
                evt = WatchEventParser.Parse(line.Span, json, Type);
            }
            catch (JsonException e)
            {
                throw KubeResponseException.Undecodable(request.Verb, request.Resource, null, line.Span, e);
            }

            yield return evt;
        }
    }
}
