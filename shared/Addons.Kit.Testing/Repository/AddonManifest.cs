using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Addons.Kit.Testing.Repository;

/// <summary>
/// <c>addons/addons.json</c>: the one registration of every addon, read by the sandbox, the footprint
/// harness and the repository tests (the scripts read the same file with jq). A malformed entry throws
/// <see cref="InvalidDataException"/> naming the file, the entry and the field.
/// </summary>
public sealed partial class AddonManifest
{
    /// <summary>The manifest's path relative to the repository root.</summary>
    public const string RelativePath = "addons/addons.json";

    private AddonManifest(IReadOnlyList<AddonEntry> addons, IReadOnlyList<PlannedAddon> planned)
    {
        Addons = addons;
        Planned = planned;
    }

    /// <summary>Registered addons in manifest order (the minimal host first).</summary>
    public IReadOnlyList<AddonEntry> Addons { get; }

    /// <summary>Addons named but not written yet.</summary>
    public IReadOnlyList<PlannedAddon> Planned { get; }

    /// <summary>The registered addon called <paramref name="name"/>, or null.</summary>
    public AddonEntry? Find(string name) => Addons.FirstOrDefault(a => a.Name == name);

    /// <summary>Reads the manifest of the repository at <paramref name="root"/> (default: <see cref="Repo.Root"/>).</summary>
    public static AddonManifest Load(string? root = null) =>
        Parse(File.ReadAllText(Path.Combine(root ?? Repo.Root, RelativePath)));

    /// <summary>Parses manifest text.</summary>
    public static AddonManifest Parse(string json)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{RelativePath}: not valid JSON ({e.Message})", e);
        }

        var root = document as JsonObject ?? throw new InvalidDataException($"{RelativePath}: expected an object with \"addons\" and \"planned\"");
        var addons = Array(root, "addons", RelativePath).Select((n, i) => Entry(Object(n, $"addons[{i}]"), $"addons[{i}]")).ToList();
        var planned = (root["planned"] is null ? [] : Array(root, "planned", RelativePath))
            .Select((n, i) => Object(n, $"planned[{i}]"))
            .Select((o, i) => new PlannedAddon(Name(o, $"planned[{i}]"), Required(o, "summary", $"planned[{i}]")))
            .ToList();
        var duplicate = addons.Select(a => a.Name).Concat(planned.Select(p => p.Name)).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{RelativePath}: \"{duplicate.Key}\" is registered twice (names are unique across addons and planned)");
        }

        return new AddonManifest(addons, planned);
    }

    private static AddonEntry Entry(JsonObject o, string at)
    {
        var name = Name(o, at);
        at = $"{at} ({name})";
        return new AddonEntry(
            name,
            Required(o, "summary", at),
            Required(o, "project", at),
            Required(o, "binary", at),
            Optional(o, "tests", at),
            Optional(o, "chart", at),
            o["release"] is null || Bool(o, "release", at),
            o["sandbox"] is null ? null : Sandbox(Object(o["sandbox"], $"{at}.sandbox"), $"{at}.sandbox"),
            o["footprint"] is null ? null : Footprint(Object(o["footprint"], $"{at}.footprint"), $"{at}.footprint"));
    }

    private static SandboxEntry Sandbox(JsonObject o, string at) =>
        new(o["plugin"] is not null && Bool(o, "plugin", at), Strings(o, "args", at), Map(o, "environment", at));

    private static FootprintEntry Footprint(JsonObject o, string at) =>
        new(Strings(o, "args", at), o["kitEnvironment"] is not null && Bool(o, "kitEnvironment", at), Map(o, "environment", at),
            o["usesApi"] is not null && Bool(o, "usesApi", at), Strings(o, "setup", at), Optional(o, "burst", at), Optional(o, "inFlight", at))
        {
            Job = o["job"] is null ? null : Job(Object(o["job"], $"{at}.job"), $"{at}.job"),
        };

    private static FootprintJob Job(JsonObject o, string at)
    {
        var world = Required(o, "world", at);
        return FootprintJob.Worlds.Contains(world)
            ? new FootprintJob(world, Int(o, "repos", at), Int(o, "latencyMs", at))
            : throw new InvalidDataException($"{RelativePath}: {at}.world \"{world}\" is not accepted; accepted: {string.Join(", ", FootprintJob.Worlds)}");
    }

    private static int Int(JsonObject o, string key, string at) =>
        o[key] is JsonValue v && v.TryGetValue<int>(out var i) && i >= 0 ? i : throw new InvalidDataException($"{RelativePath}: {at}.{key} must be a whole number of at least 0");

    private static string Name(JsonObject o, string at)
    {
        var name = Required(o, "name", at);
        return NamePattern().IsMatch(name)
            ? name
            : throw new InvalidDataException($"{RelativePath}: {at}.name \"{name}\" is not accepted (lower-case letters, digits and '-', starting with a letter)");
    }

    private static string Required(JsonObject o, string key, string at) =>
        Optional(o, key, at) ?? throw new InvalidDataException($"{RelativePath}: {at}.{key} is required (a non-empty string)");

    private static string? Optional(JsonObject o, string key, string at) => o[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        _ => throw new InvalidDataException($"{RelativePath}: {at}.{key} must be a non-empty string"),
    };

    private static bool Bool(JsonObject o, string key, string at) =>
        o[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new InvalidDataException($"{RelativePath}: {at}.{key} must be true or false");

    private static IReadOnlyList<string> Strings(JsonObject o, string key, string at) =>
        o[key] is null ? [] : Array(o, key, at).Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new InvalidDataException($"{RelativePath}: {at}.{key}[{i}] must be a string")).ToList();

    private static IReadOnlyDictionary<string, string> Map(JsonObject o, string key, string at) =>
        o[key] is null ? new Dictionary<string, string>() : Object(o[key], $"{at}.{key}").ToDictionary(
            kv => kv.Key,
            kv => kv.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InvalidDataException($"{RelativePath}: {at}.{key}.{kv.Key} must be a string"));

    private static JsonArray Array(JsonObject o, string key, string at) =>
        o[key] as JsonArray ?? throw new InvalidDataException($"{RelativePath}: {at}.{key} must be an array");

    private static JsonObject Object(JsonNode? node, string at) =>
        node as JsonObject ?? throw new InvalidDataException($"{RelativePath}: {at} must be an object");

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
