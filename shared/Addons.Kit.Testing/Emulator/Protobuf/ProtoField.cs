namespace Addons.Kit.Testing.Emulator.Protobuf;

/// <summary>
/// A field of a proto2 message: its JSON name (Kubernetes uses the JSON name as the proto field name),
/// its type (a scalar name or a fully qualified message name), and whether it repeats or is a map.
/// </summary>
internal sealed record ProtoField(string Name, int Number, string Type, bool Repeated, string? MapKey = null, string? MapValue = null)
{
    public bool IsMap => MapKey is not null;
}
