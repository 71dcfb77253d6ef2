using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Addons.Kit.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Helpers;

/// <summary>Writes an object's status through the <c>/status</c> subresource with one merge patch.</summary>
public static class StatusPatchExtensions
{
    /// <summary>Merge-patches <c>status</c> of <paramref name="obj"/> with <paramref name="status"/>.</summary>
    /// <param name="client">The typed client.</param>
    /// <param name="obj">The object (its namespace, name and, when <paramref name="optimistic"/>, resourceVersion are used).</param>
    /// <param name="status">The status to write; null members are left as they are on the server (merge-patch semantics).</param>
    /// <param name="statusJson">Source-generated metadata of the status type.</param>
    /// <param name="optimistic">Also send the resourceVersion, so a stale status write fails with 409 instead of overwriting.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object as stored.</returns>
    public static Task<T> PatchStatusAsync<T, TStatus>(this ResourceClient<T> client, T obj, TStatus status, JsonTypeInfo<TStatus> statusJson, bool optimistic, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(statusJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (optimistic && obj.Metadata?.ResourceVersion is { Length: > 0 } rv)
            {
                writer.WriteStartObject("metadata");
                writer.WriteString("resourceVersion", rv);
                writer.WriteEndObject();
            }

            writer.WritePropertyName("status");
            JsonSerializer.Serialize(writer, status, statusJson);
            writer.WriteEndObject();
        }

        return client.PatchStatusAsync(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? "", KubePatch.Merge(buffer.ToArray()), cancellationToken);
    }
}
