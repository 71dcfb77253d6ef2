using System.Text.Json;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Writes a <c>meta/v1 DeleteOptions</c> body by hand (four fields; no serializer metadata needed).</summary>
internal static class DeleteBody
{
    public static byte[] Write(DeleteOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", "v1");
            writer.WriteString("kind", "DeleteOptions");
            if (options.PropagationPolicy is { } policy)
            {
                writer.WriteString("propagationPolicy", policy);
            }

            if (options.GracePeriodSeconds is { } grace)
            {
                writer.WriteNumber("gracePeriodSeconds", grace);
            }

            if (options.PreconditionResourceVersion is not null || options.PreconditionUid is not null)
            {
                writer.WriteStartObject("preconditions");
                if (options.PreconditionResourceVersion is { } rv)
                {
                    writer.WriteString("resourceVersion", rv);
                }

                if (options.PreconditionUid is { } uid)
                {
                    writer.WriteString("uid", uid);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
