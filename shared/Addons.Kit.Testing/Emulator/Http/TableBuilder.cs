using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>
/// Server-side printing: the meta.k8s.io/v1 Table kubectl requests for <c>kubectl get</c>. Columns come
/// from the kind table (built-ins) or the CRD's additionalPrinterColumns; every column is sent and
/// kubectl hides priority &gt; 0 unless <c>-o wide</c>. Date columns are rendered as ages, as the real server does.
/// </summary>
internal static class TableBuilder
{
    public static JsonObject Build(ResourceKind kind, IEnumerable<JsonObject> objects, string? resourceVersion, string? continueToken, string includeObject, DateTimeOffset now, bool withColumns = true)
    {
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = Metadata(resourceVersion, continueToken),
        };
        if (withColumns)
        {
            var columns = new JsonArray(Column("Name", "string", 0, "name", "Name must be unique within a namespace."));
            foreach (var c in kind.Columns)
            {
                columns.Add(Column(c.Name, c.Type, c.Priority, "", c.Description));
            }

            table["columnDefinitions"] = columns;
        }

        var rows = new JsonArray();
        foreach (var stored in objects)
        {
            var obj = EventConversion.Converts(kind) ? EventConversion.ToEventsV1(stored) : stored;
            var cells = new JsonArray(Meta.Name(obj));
            foreach (var c in kind.Columns)
            {
                cells.Add(Cell(c, obj, now));
            }

            rows.Add(new JsonObject { ["cells"] = cells, ["object"] = RowObject(obj, includeObject) });
        }

        table["rows"] = rows;
        return table;
    }

    /// <summary>The metadata-only form of an object (PartialObjectMetadata), also used for as=PartialObjectMetadata.</summary>
    public static JsonObject PartialMetadata(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj["metadata"]?.DeepClone(),
    };

    private static JsonObject Metadata(string? resourceVersion, string? continueToken)
    {
        var meta = new JsonObject();
        if (resourceVersion is not null)
        {
            meta["resourceVersion"] = resourceVersion;
        }

        if (continueToken is not null)
        {
            meta["continue"] = continueToken;
        }

        return meta;
    }

    private static JsonNode? RowObject(JsonObject obj, string includeObject) => includeObject switch
    {
        "None" => null,
        "Object" => obj.DeepClone(),
        _ => PartialMetadata(obj),
    };

    private static JsonObject Column(string name, string type, int priority, string format, string description) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };

    private static JsonNode? Cell(PrinterColumn column, JsonObject obj, DateTimeOffset now)
    {
        var value = column.Cell(obj);
        if (column.Type == "date" && value is JsonValue v && v.TryGetValue(out string? text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return HumanDuration.Format(now - time);
        }

        return value?.DeepClone();
    }
}
