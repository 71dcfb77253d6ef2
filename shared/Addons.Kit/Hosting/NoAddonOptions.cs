namespace Addons.Kit.Hosting;

/// <summary>The options of a host built without an addon settings table: none.</summary>
public sealed class NoAddonOptions;
