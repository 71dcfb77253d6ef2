using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Protobuf;

/// <summary>
/// Decodes a Kubernetes protobuf body (<c>k8s\0</c> magic + runtime.Unknown envelope) into the JSON
/// object the same request would have sent as JSON. Well-known apimachinery types get their JSON forms
/// (Time → RFC 3339, Quantity and IntOrString → scalars). Zero values (empty strings, 0, false, zero
/// times) are dropped, as Go's <c>omitempty</c> drops them from JSON.
/// </summary>
internal static class ProtobufJson
{
    private const string Meta = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    private static readonly Dictionary<string, string> PackageByGroup = new(StringComparer.Ordinal)
    {
        [""] = "k8s.io.api.core",
        ["apps"] = "k8s.io.api.apps",
        ["batch"] = "k8s.io.api.batch",
        ["rbac.authorization.k8s.io"] = "k8s.io.api.rbac",
        ["coordination.k8s.io"] = "k8s.io.api.coordination",
        ["authorization.k8s.io"] = "k8s.io.api.authorization",
        ["policy"] = "k8s.io.api.policy",
        ["networking.k8s.io"] = "k8s.io.api.networking",
        ["events.k8s.io"] = "k8s.io.api.events",
        ["scheduling.k8s.io"] = "k8s.io.api.scheduling",
        ["storage.k8s.io"] = "k8s.io.api.storage",
        ["autoscaling"] = "k8s.io.api.autoscaling",
        ["admissionregistration.k8s.io"] = "k8s.io.api.admissionregistration",
        ["meta.k8s.io"] = "k8s.io.apimachinery.pkg.apis.meta",
    };

    /// <summary>
    /// Go embedded structs of the core API, which protobuf carries as a field named after the type (and Probe's
    /// <c>handler</c>) while JSON inlines them: <c>secretKeyRef.name</c>, <c>volumes[].configMap</c>, <c>exec</c>.
    /// </summary>
    private static readonly HashSet<string> EmbeddedTypes = new(StringComparer.Ordinal)
    {
        "LocalObjectReference", "VolumeSource", "PersistentVolumeSource", "ProbeHandler", "EphemeralContainerCommon",
    };

    /// <summary>
    /// <c>*bool</c> fields whose <c>false</c> means something else than absent (absent is often "true" or
    /// "inherit"): protobuf sends them only when set, so a <c>false</c> on the wire is kept, not dropped as a
    /// zero value. Plain <c>bool</c> fields stay omitted when false, as their JSON is.
    /// </summary>
    private static readonly HashSet<string> PointerBooleans = new(StringComparer.Ordinal)
    {
        "automountServiceAccountToken", "allowPrivilegeEscalation", "readOnlyRootFilesystem", "runAsNonRoot",
        "privileged", "hostUsers", "shareProcessNamespace", "enableServiceLinks", "setHostnameAsFQDN", "optional",
        "suspend", "manualSelector", "immutable", "allowVolumeExpansion",
    };

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 4 || !body[..4].SequenceEqual(Magic))
        {
            throw new FormatException("protobuf body without the k8s envelope");
        }

        var reader = new ProtoReader(body[4..]);
        string apiVersion = "", kind = "";
        ReadOnlySpan<byte> raw = default;
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    var typeMeta = new ProtoReader(reader.ReadBytes());
                    while (!typeMeta.End)
                    {
                        var (f, w) = typeMeta.ReadTag();
                        if (w != 2)
                        {
                            typeMeta.Skip(w);
                            continue;
                        }

                        var text = Encoding.UTF8.GetString(typeMeta.ReadBytes());
                        (apiVersion, kind) = f == 1 ? (text, kind) : f == 2 ? (apiVersion, text) : (apiVersion, kind);
                    }

                    break;
                case 2:
                    raw = reader.ReadBytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var messageName = PackageByGroup.TryGetValue(group, out var package) ? $"{package}.{version}.{kind}" : null;
        if (messageName is null || ProtoSchema.Find(messageName) is null)
        {
            // Options (DeleteOptions, ...) travel with the request's group version but are meta/v1 types.
            messageName = Meta + kind;
        }

        if (ProtoSchema.Find(messageName) is null)
        {
            throw new NotSupportedException($"no protobuf schema for {apiVersion} {kind}");
        }

        var obj = Message(raw, messageName) as JsonObject ?? [];
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            result[key] = value;
        }

        return result;
    }

    private static JsonNode? Message(ReadOnlySpan<byte> data, string type)
    {
        switch (type)
        {
            case Meta + "Time":
            case Meta + "MicroTime":
                return Time(data, micro: type.EndsWith("MicroTime", StringComparison.Ordinal));
            case Meta + "Duration":
                return Duration(data);
            case "k8s.io.apimachinery.pkg.api.resource.Quantity":
                return Fields(data, type)?["string"]?.DeepClone();
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString":
                var parts = Fields(data, type);
                return Emulator.Json.Meta.Long(parts?["type"]) == 1 ? parts?["strVal"]?.DeepClone() ?? "" : (JsonNode)(Emulator.Json.Meta.Long(parts?["intVal"]) ?? 0);
            case "k8s.io.apimachinery.pkg.runtime.RawExtension":
            case Meta + "FieldsV1":
                var rawField = new ProtoReader(data);
                while (!rawField.End)
                {
                    var (f, w) = rawField.ReadTag();
                    if (f == 1 && w == 2)
                    {
                        var bytes = rawField.ReadBytes();
                        return JsonNode.Parse(bytes);
                    }

                    rawField.Skip(w);
                }

                return null;
        }

        var fields = ProtoSchema.Find(type);
        if (fields is { Count: 1 } && fields.Values.First() is { Name: "items", Repeated: true })
        {
            // Wrapper messages for map values that are lists (ExtraValue, Verbs): JSON shows the list.
            return Fields(data, type)?["items"]?.DeepClone() ?? new JsonArray();
        }

        return Fields(data, type);
    }

    private static JsonObject? Fields(ReadOnlySpan<byte> data, string type)
    {
        var schema = ProtoSchema.Find(type);
        if (schema is null)
        {
            return null;
        }

        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (!schema.TryGetValue(number, out var field))
            {
                reader.Skip(wire);
                continue;
            }

            if (field.IsMap)
            {
                var (key, value) = MapEntry(reader.ReadBytes(), field);
                if (obj[field.Name] is not JsonObject map)
                {
                    map = [];
                    obj[field.Name] = map;
                }

                map[key] = value;
                continue;
            }

            if (field.Repeated)
            {
                if (obj[field.Name] is not JsonArray list)
                {
                    list = [];
                    obj[field.Name] = list;
                }

                if (wire == 2 && ProtoSchema.IsScalar(field.Type) && field.Type is not ("string" or "bytes"))
                {
                    var packed = new ProtoReader(reader.ReadBytes());
                    while (!packed.End)
                    {
                        list.Add(Scalar(ref packed, field.Type, WireTypeOf(field.Type)));
                    }
                }
                else
                {
                    list.Add(Value(ref reader, field.Type, wire));
                }

                continue;
            }

            var single = Value(ref reader, field.Type, wire);
            if (IsEmbedded(field) && single is JsonObject inner)
            {
                // A Go embedded struct: protobuf nests it as a field, JSON inlines its fields into the parent.
                foreach (var (key, value) in inner.ToList())
                {
                    inner.Remove(key);
                    obj[key] = value;
                }
            }
            else if (!IsZero(single) || (single is JsonValue flag && flag.TryGetValue<bool>(out var set) && !set && PointerBooleans.Contains(field.Name)))
            {
                obj[field.Name] = single;
            }
        }

        return obj;
    }

    private static bool IsEmbedded(ProtoField field)
    {
        var dot = field.Type.LastIndexOf('.');
        var shortName = dot < 0 ? field.Type : field.Type[(dot + 1)..];
        return EmbeddedTypes.Contains(shortName)
            && (field.Name == "handler" || string.Equals(field.Name, char.ToLowerInvariant(shortName[0]) + shortName[1..], StringComparison.Ordinal));
    }

    private static (string Key, JsonNode? Value) MapEntry(ReadOnlySpan<byte> data, ProtoField field)
    {
        var reader = new ProtoReader(data);
        var key = "";
        JsonNode? value = field.MapValue == "string" ? "" : null;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (number == 1)
            {
                key = Value(ref reader, field.MapKey!, wire)?.ToString() ?? "";
            }
            else if (number == 2)
            {
                value = Value(ref reader, field.MapValue!, wire);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return (key, value);
    }

    private static JsonNode? Value(ref ProtoReader reader, string type, int wire) =>
        ProtoSchema.IsScalar(type) ? Scalar(ref reader, type, wire) : Message(reader.ReadBytes(), type);

    private static JsonNode? Scalar(ref ProtoReader reader, string type, int wire) => type switch
    {
        "string" => Encoding.UTF8.GetString(reader.ReadBytes()),
        "bytes" => Convert.ToBase64String(reader.ReadBytes()),
        "bool" => reader.ReadVarint() != 0,
        "int32" or "int64" => (long)reader.ReadVarint(),
        "uint32" or "uint64" => (long)reader.ReadVarint(),
        "double" => BitConverter.UInt64BitsToDouble(reader.ReadFixed64()),
        "float" => (double)BitConverter.UInt32BitsToSingle(reader.ReadFixed32()),
        _ => Skipped(ref reader, wire),
    };

    private static JsonNode? Skipped(ref ProtoReader reader, int wire)
    {
        reader.Skip(wire);
        return null;
    }

    private static int WireTypeOf(string type) => type switch
    {
        "double" or "fixed64" or "sfixed64" => 1,
        "float" or "fixed32" or "sfixed32" => 5,
        _ => 0,
    };

    private static bool IsZero(JsonNode? node) => node switch
    {
        null => true,
        JsonValue v when v.TryGetValue(out string? s) => s.Length == 0,
        JsonValue v when v.TryGetValue(out bool b) => !b,
        JsonValue v when v.TryGetValue(out long l) => l == 0,
        JsonValue v when v.TryGetValue(out double d) => d == 0,
        _ => false,
    };

    private static JsonNode? Time(ReadOnlySpan<byte> data, bool micro)
    {
        long seconds = 0, nanos = 0;
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (wire != 0)
            {
                reader.Skip(wire);
                continue;
            }

            var value = (long)reader.ReadVarint();
            (seconds, nanos) = number == 1 ? (value, nanos) : number == 2 ? (seconds, value) : (seconds, nanos);
        }

        if (seconds == 0 && nanos == 0)
        {
            return null;
        }

        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100).UtcDateTime;
        return time.ToString(micro ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static JsonNode Duration(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        long nanos = 0;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (number == 1 && wire == 0)
            {
                nanos = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        // Go's time.Duration String(): "1h2m3s", "5m0s", "30s".
        var span = TimeSpan.FromTicks(nanos / 100);
        var hours = (long)span.TotalHours;
        var seconds = (span.TotalSeconds % 60).ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        var text = hours > 0 ? $"{hours}h{span.Minutes}m{seconds}" : span.Minutes > 0 ? $"{span.Minutes}m{seconds}" : seconds;
        return text;
    }
}
