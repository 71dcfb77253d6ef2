using System.Globalization;
using System.Text.RegularExpressions;

namespace Addons.Kit.Testing.Emulator.Protobuf;

/// <summary>
/// Message definitions parsed from the vendored Kubernetes <c>generated.proto</c> files (embedded
/// resources). Only the proto2 subset those files use is understood: package, message, optional /
/// repeated / map fields; no nesting, enums or oneofs appear in them.
/// </summary>
internal static partial class ProtoSchema
{
    private static readonly Lazy<Dictionary<string, Dictionary<int, ProtoField>>> Messages = new(Load);

    public static Dictionary<int, ProtoField>? Find(string fullName) => Messages.Value.GetValueOrDefault(fullName);

    private static Dictionary<string, Dictionary<int, ProtoField>> Load()
    {
        var messages = new Dictionary<string, Dictionary<int, ProtoField>>(StringComparer.Ordinal);
        var assembly = typeof(ProtoSchema).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".proto", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            Parse(reader.ReadToEnd(), messages);
        }

        return messages;
    }

    private static void Parse(string text, Dictionary<string, Dictionary<int, ProtoField>> messages)
    {
        var package = PackageLine().Match(text).Groups[1].Value;
        foreach (Match message in MessageBlock().Matches(text))
        {
            var fields = new Dictionary<int, ProtoField>();
            foreach (Match field in FieldLine().Matches(message.Groups[2].Value))
            {
                var number = int.Parse(field.Groups["num"].Value, CultureInfo.InvariantCulture);
                var name = field.Groups["name"].Value;
                if (field.Groups["key"].Success)
                {
                    fields[number] = new ProtoField(name, number, "map", false, field.Groups["key"].Value, Qualify(field.Groups["value"].Value, package));
                }
                else
                {
                    fields[number] = new ProtoField(name, number, Qualify(field.Groups["type"].Value, package), field.Groups["label"].Value == "repeated");
                }
            }

            messages[package + "." + message.Groups[1].Value] = fields;
        }
    }

    private static string Qualify(string type, string package) =>
        type.StartsWith('.') ? type[1..] : IsScalar(type) ? type : package + "." + type;

    public static bool IsScalar(string type) => type is "string" or "bytes" or "bool" or "int32" or "int64" or "uint32" or "uint64"
        or "sint32" or "sint64" or "double" or "float" or "fixed32" or "fixed64" or "sfixed32" or "sfixed64";

    [GeneratedRegex(@"^package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^message\s+(\w+)\s*\{(.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MessageBlock();

    [GeneratedRegex(@"^\s*(?:(?<label>optional|repeated)\s+(?<type>[\w.]+)|map<(?<key>\w+),\s*(?<value>[\w.]+)>)\s+(?<name>\w+)\s*=\s*(?<num>\d+)", RegexOptions.Multiline)]
    private static partial Regex FieldLine();
}
