namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>The patch content types the API accepts.</summary>
internal static class PatchTypes
{
    public const string Merge = "application/merge-patch+json";
    public const string Json = "application/json-patch+json";
    public const string Strategic = "application/strategic-merge-patch+json";
    public const string Apply = "application/apply-patch+yaml";
}
