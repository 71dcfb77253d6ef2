using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;

namespace Addons.Kit.Testing.Emulator.Model;

/// <summary>
/// A column of the server-side Table kubectl asks for (<c>as=Table</c>). CRD columns carry a JSONPath;
/// built-in columns compute their cell (e.g. "1/1" ready counts) with <see cref="Cell"/>.
/// Priority 0 shows by default, 1 only with <c>-o wide</c>.
/// </summary>
internal sealed record PrinterColumn(string Name, string Type, int Priority, Func<JsonObject, JsonNode?> Cell, string Description = "")
{
    public static PrinterColumn Path(string name, string jsonPath, string type = "string", int priority = 0) =>
        new(name, type, priority, obj => JsonPathLite.Evaluate(obj, jsonPath));
}
