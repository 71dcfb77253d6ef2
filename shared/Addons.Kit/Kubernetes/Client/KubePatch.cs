using System.Text;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>A patch body and its format.</summary>
/// <remarks>Build one with <see cref="Merge"/>, <see cref="Json"/>, <see cref="Strategic"/> or <see cref="Apply"/>.</remarks>
public sealed class KubePatch
{
    private KubePatch(KubePatchType type, byte[] body, string? fieldManager, bool force)
    {
        Type = type;
        Body = body;
        FieldManager = fieldManager;
        Force = force;
    }

    /// <summary>The patch format.</summary>
    public KubePatchType Type { get; }

    /// <summary>The UTF-8 patch document.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The field manager (required for apply patches, optional otherwise).</summary>
    public string? FieldManager { get; }

    /// <summary>For apply patches: take ownership of fields managed by others.</summary>
    public bool Force { get; }

    /// <summary>A JSON merge patch (RFC 7386).</summary>
    public static KubePatch Merge(string json) => new(KubePatchType.Merge, Utf8(json), null, false);

    /// <summary>A JSON merge patch (RFC 7386) from UTF-8 bytes.</summary>
    public static KubePatch Merge(byte[] utf8Json) => new(KubePatchType.Merge, utf8Json, null, false);

    /// <summary>A JSON patch (RFC 6902): an array of operations.</summary>
    public static KubePatch Json(string json) => new(KubePatchType.Json, Utf8(json), null, false);

    /// <summary>A strategic merge patch (built-in kinds only).</summary>
    public static KubePatch Strategic(string json) => new(KubePatchType.Strategic, Utf8(json), null, false);

    /// <summary>A server-side apply patch. <paramref name="fieldManager"/> names the owner of the applied fields.</summary>
    public static KubePatch Apply(string yamlOrJson, string fieldManager, bool force = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(fieldManager);
        return new(KubePatchType.Apply, Utf8(yamlOrJson), fieldManager, force);
    }

    internal string ContentType => Type switch
    {
        KubePatchType.Merge => "application/merge-patch+json",
        KubePatchType.Json => "application/json-patch+json",
        KubePatchType.Strategic => "application/strategic-merge-patch+json",
        _ => "application/apply-patch+yaml",
    };

    private static byte[] Utf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encoding.UTF8.GetBytes(text);
    }
}
