using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Addons.Kit.Testing.Emulator.Json;

/// <summary>Source-generated serialization for the node types the emulator writes (no reflection).</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonArray))]
internal sealed partial class JsonContext : JsonSerializerContext;
