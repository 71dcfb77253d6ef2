namespace Addons.Kit.Testing.Repository;

/// <summary>One registered addon (an entry of <c>addons/addons.json</c>). Paths are relative to the repository root.</summary>
/// <param name="Name">Folder, image, chart and release name (lower-case, e.g. <c>karc</c>).</param>
/// <param name="Summary">One line: what it does (README table, umbrella values).</param>
/// <param name="Project">The host's csproj.</param>
/// <param name="Binary">The csproj's AssemblyName: the NativeAOT binary and the image's entrypoint.</param>
/// <param name="Tests">The addon's test project, or null (only the minimal host has none of its own).</param>
/// <param name="Chart">The addon's chart folder, or null when it ships no chart.</param>
/// <param name="Release">Whether an image and a chart are released (false for the minimal host).</param>
/// <param name="Sandbox">How the sandbox runs it, or null when it does not.</param>
/// <param name="Footprint">How the footprint harness starts and loads it, or null when it is not measured.</param>
public sealed record AddonEntry(
    string Name,
    string Summary,
    string Project,
    string Binary,
    string? Tests,
    string? Chart,
    bool Release,
    SandboxEntry? Sandbox,
    FootprintEntry? Footprint)
{
    /// <summary>The addon's own folder (the csproj's folder).</summary>
    public string Folder => Path.GetDirectoryName(Project)!.Replace('\\', '/');
}
