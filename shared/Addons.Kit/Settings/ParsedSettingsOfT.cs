namespace Addons.Kit.Settings;

/// <summary>The parse outcome with the addon's options.</summary>
/// <typeparam name="TOptions">The addon's options class.</typeparam>
public sealed class ParsedSettings<TOptions> : ParsedSettings
    where TOptions : class
{
    internal ParsedSettings(string program, Func<string> helpText, SettingsState state)
        : base(program, helpText, state) => Options = (TOptions)state.Options;

    /// <summary>The options: defaults, overridden by environment variables, overridden by flags.</summary>
    public TOptions Options { get; }
}
