namespace Addons.Kit.Settings;

/// <summary>
/// One setting of an addon: its flag (<c>--dry-run</c>), its flat environment variable (<c>DRY_RUN</c>),
/// what it accepts and where its value goes. A flag wins over the variable, the variable over the
/// default; an environment variable that is set but empty counts as unset.
/// </summary>
/// <remarks>
/// Build them in an <see cref="AddonSettings{TOptions}"/> table; change one with <c>with</c>
/// (<c>KitSettings.HealthPort with { Flag = "metrics-port", Env = "METRICS_PORT" }</c>).
/// </remarks>
public abstract record Setting
{
    /// <summary>The long flag without dashes (<c>dry-run</c>); null for a setting read only from the environment (a secret).</summary>
    public string? Flag { get; init; }

    /// <summary>A one-letter alias (<c>-c</c>), or null.</summary>
    public char? Short { get; init; }

    /// <summary>The flat environment variable (<c>DRY_RUN</c>), or null for a flag only.</summary>
    public string? Env { get; init; }

    /// <summary>One line of help.</summary>
    public string Help { get; init; } = string.Empty;

    /// <summary>The <c>--help</c> section this setting is listed under; null: the first.</summary>
    public string? Group { get; init; }

    /// <summary>Shown in <c>--help</c> instead of the computed default (<c>the threshold</c>).</summary>
    public string? DefaultDescription { get; init; }

    /// <summary>True for tokens and passwords: the value is never echoed in an error line.</summary>
    public bool Secret { get; init; }

    /// <summary>True when the setting has no default and must be given.</summary>
    public bool Required { get; init; }

    /// <summary>What the setting accepts, in words.</summary>
    public abstract string Accepted { get; }

    /// <summary>True when a bare flag means true.</summary>
    public abstract bool IsSwitch { get; }

    /// <summary>How error lines name the setting: <c>--dry-run (env DRY_RUN)</c>, <c>--context</c> or <c>GITHUB_TOKEN</c>.</summary>
    public string Display => (Flag, Env) switch
    {
        ({ } flag, { } env) => $"--{flag} (env {env})",
        ({ } flag, null) => "--" + flag,
        (null, { } env) => env,
        _ => "(unnamed setting)",
    };

    /// <summary>Parses <paramref name="text"/> into <paramref name="state"/>; false when it is not accepted.</summary>
    internal abstract bool TryApply(string text, SettingsState state);

    /// <summary>Called when the setting was not given (writes a default somewhere, if the setting owns one).</summary>
    internal virtual void ApplyDefault(SettingsState state)
    {
    }

    /// <summary>The default for <c>--help</c>, or null when there is none.</summary>
    internal abstract string? DefaultText(object defaults);
}
