using System.Globalization;

namespace Addons.Kit.Settings;

/// <summary>
/// A setting that writes a configuration key the kit's options bind from (<c>Health:Port</c>,
/// <c>Logging:Level</c>). The kit's own flags are these (<c>KitSettings</c> in Hosting); their defaults
/// live in the kit's options classes unless an addon sets <see cref="Default"/>.
/// </summary>
public sealed record ConfigSetting<T> : Setting
{
    /// <summary>Creates the binding.</summary>
    public ConfigSetting(string key, SettingValue<T> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        Key = key;
        Value = value;
    }

    /// <summary>The configuration key (<c>Health:Port</c>).</summary>
    public string Key { get; init; }

    /// <summary>How the text is parsed.</summary>
    public SettingValue<T> Value { get; init; }

    /// <summary>
    /// The addon's own default, written as the user would (<c>"0"</c> for the cleaner's metrics port),
    /// or null to keep the kit's.
    /// </summary>
    public string? Default { get; init; }

    /// <summary>The kit's default as <c>--help</c> shows it (from the kit's options class).</summary>
    public string? KitDefault { get; init; }

    /// <inheritdoc />
    public override string Accepted => Value.Accepted;

    /// <inheritdoc />
    public override bool IsSwitch => Value.IsSwitch;

    internal override bool TryApply(string text, SettingsState state)
    {
        if (!Value.TryParse(text, out var parsed))
        {
            return false;
        }

        state.Configuration[Key] = ToConfiguration(parsed);
        return true;
    }

    internal override void ApplyDefault(SettingsState state)
    {
        if (Default is not null && Value.TryParse(Default, out var parsed))
        {
            state.ConfigurationDefaults[Key] = ToConfiguration(parsed);
        }
    }

    internal override string? DefaultText(object defaults) => Default ?? KitDefault;

    // The configuration binder's formats: invariant numbers, TimeSpan "c", lower-case booleans.
    private static string? ToConfiguration(T value) => value switch
    {
        null => null,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
