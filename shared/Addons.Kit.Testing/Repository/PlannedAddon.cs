namespace Addons.Kit.Testing.Repository;

/// <summary>An addon named in the manifest before its folder exists (README lists it as planned).</summary>
public sealed record PlannedAddon(string Name, string Summary);
