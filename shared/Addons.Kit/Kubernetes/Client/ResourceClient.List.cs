using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

public sealed partial class ResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private const int MaxListRestarts = 3;

    /// <summary>Lists all matching objects, following <c>limit</c>/<c>continue</c> pages to the end.</summary>
    /// <param name="ns">Namespace; null lists across all namespaces (or a cluster-scoped kind).</param>
    /// <param name="options">Selectors and page size; null: everything, pages of 500.</param>
    /// <param name="cancellationToken">Cancels between and during pages.</param>
    /// <remarks>When a continue token expires mid-way (410), the list restarts from the first page (up to 3 times),
    /// so the result is always one consistent snapshot.</remarks>
    public async Task<ListResult<T>> ListAsync(string? ns, ListOptions? options, CancellationToken cancellationToken)
    {
        options ??= new ListOptions();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ListPagesAsync(ns, options, cancellationToken);
            }
            catch (KubeApiException e) when (e.IsGone && attempt < MaxListRestarts)
            {
                // The continue token expired between pages: start over for a consistent snapshot.
                continue;
            }
        }
    }

    private async Task<ListResult<T>> ListPagesAsync(string? ns, ListOptions options, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? resourceVersion = null;
        string? next = null;
        do
        {
            var query = new QueryBuilder();
            query.Add("labelSelector", options.LabelSelector);
            query.Add("fieldSelector", options.FieldSelector);
            if (options.PageSize > 0)
            {
                query.Add("limit", options.PageSize.ToString(CultureInfo.InvariantCulture));
            }

            query.Add("continue", next);
            var request = new KubeRequest(HttpMethod.Get, Type.CollectionPath(ns) + query.ToString(), "list", Type.Plural);
            var body = await api.SendAsync(request, cancellationToken);
            ListPage<T> page;
            try
            {
                page = ListPage<T>.Parse(body, json);
            }
            catch (JsonException e)
            {
                throw KubeResponseException.Undecodable(request.Verb, request.Resource, null, body, e);
            }

            foreach (var item in page.Items)
            {
                item.ApiVersion ??= Type.ApiVersion;
                item.Kind ??= Type.Kind;
            }

            items.AddRange(page.Items);
            resourceVersion ??= page.ResourceVersion;
            next = page.Continue;
        }
        while (next is not null);

        return new ListResult<T>(items, resourceVersion ?? "");
    }
}
