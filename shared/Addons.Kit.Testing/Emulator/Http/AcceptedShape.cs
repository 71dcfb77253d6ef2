
namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>
/// What representation the client asked for in Accept: the object itself, a meta.k8s.io Table
/// (kubectl get), or PartialObjectMetadata. Table/metadata forms are listed first by clients that want
/// them, with plain JSON as the fallback, so the first recognised entry wins.
/// </summary>
internal enum AcceptedShape
{
    Object,
    Table,
    PartialMetadata,
}

/// <summary>Parsing of <see cref="AcceptedShape"/>.</summary>
internal static class AcceptedShapeParser
{
    public static AcceptedShape Parse(string? accept)
    {
        foreach (var entry in (accept ?? "").Split(','))
        {
            if (entry.Contains("as=Table", StringComparison.Ordinal))
            {
                return AcceptedShape.Table;
            }

            if (entry.Contains("as=PartialObjectMetadata", StringComparison.Ordinal))
            {
                return AcceptedShape.PartialMetadata;
            }

            if (entry.Contains("json", StringComparison.Ordinal) || entry.Contains("*/*", StringComparison.Ordinal))
            {
                return AcceptedShape.Object;
            }
        }

        return AcceptedShape.Object;
    }
}
