namespace Addons.Kit.Settings;

/// <summary>
/// A setting bound to a property of the addon's options class. The default is the property's
/// initial value in <typeparamref name="TOptions"/> (defaults are written once, in the options class).
/// </summary>
public sealed record OptionSetting<TOptions, T> : Setting
    where TOptions : class
{
    /// <summary>Creates the binding.</summary>
    public OptionSetting(SettingValue<T> value, Func<TOptions, T?> get, Action<TOptions, T> set)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        Value = value;
        Get = get;
        Set = set;
    }

    /// <summary>How the text is parsed.</summary>
    public SettingValue<T> Value { get; init; }

    /// <summary>Reads the property (for the <c>--help</c> default).</summary>
    public Func<TOptions, T?> Get { get; init; }

    /// <summary>Writes the property.</summary>
    public Action<TOptions, T> Set { get; init; }

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

        Set((TOptions)state.Options, parsed);
        return true;
    }

    internal override string? DefaultText(object defaults) =>
        Get((TOptions)defaults) is { } value ? Value.Format(value) : null;
}
