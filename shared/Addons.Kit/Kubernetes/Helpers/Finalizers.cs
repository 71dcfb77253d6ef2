using System.Text.Json;
using Addons.Kit.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Helpers;

/// <summary>Adds and removes finalizers with a merge patch that carries the object's resourceVersion.</summary>
/// <remarks>Guarantees: the write only succeeds against the state the caller read (409 <see cref="KubeApiException.IsConflict"/>
/// otherwise: re-read and retry, typically by requeueing), so a concurrent change to the finalizer list is never lost.</remarks>
public static class Finalizers
{
    /// <summary>True when <paramref name="obj"/> carries <paramref name="finalizer"/>.</summary>
    public static bool Has<T>(T obj, string finalizer)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata?.Finalizers?.Contains(finalizer) == true;
    }

    /// <summary>Adds the finalizer (no request when already present). Returns the object as stored.</summary>
    public static async Task<T> AddAsync<T>(ResourceClient<T> client, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        if (Has(obj, finalizer))
        {
            return obj;
        }

        var list = (obj.Metadata.Finalizers ?? []).Append(finalizer).ToList();
        return await client.PatchAsync(obj.Metadata.NamespaceProperty, obj.Metadata.Name, Patch(obj, list), cancellationToken);
    }

    /// <summary>Removes the finalizer (no request when absent). Returns the object as stored, or null when the
    /// removal let the server delete it (or it was already gone).</summary>
    public static async Task<T?> RemoveAsync<T>(ResourceClient<T> client, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        if (!Has(obj, finalizer))
        {
            return obj;
        }

        var list = obj.Metadata.Finalizers.Where(f => f != finalizer).ToList();
        try
        {
            return await client.PatchAsync(obj.Metadata.NamespaceProperty, obj.Metadata.Name, Patch(obj, list), cancellationToken);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static KubePatch Patch<T>(T obj, List<string> finalizers)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("metadata");
            if (obj.Metadata.ResourceVersion is { Length: > 0 } rv)
            {
                writer.WriteString("resourceVersion", rv);
            }

            writer.WriteStartArray("finalizers");
            foreach (var f in finalizers)
            {
                writer.WriteStringValue(f);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return KubePatch.Merge(buffer.ToArray());
    }
}
