namespace Addons.Kit.Settings;

/// <summary>What parsing writes into: the addon's options object and the kit's configuration keys.</summary>
internal sealed class SettingsState(object options)
{
    public object Options { get; } = options;

    /// <summary>Keys given by a flag or a flat environment variable (they win over everything else).</summary>
    public Dictionary<string, string?> Configuration { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Addon defaults for kit keys (they lose to everything else).</summary>
    public Dictionary<string, string?> ConfigurationDefaults { get; } = new(StringComparer.OrdinalIgnoreCase);
}
