using System.Collections;

namespace Addons.Kit.Settings;

/// <summary>Cross-setting rules run after every setting parsed (<c>--target-usage-percent</c> ≤ <c>--usage-threshold-percent</c>).</summary>
public delegate SettingsError? SettingsCheck<TOptions>(TOptions options, AddonSettings<TOptions> settings)
    where TOptions : class, new();

/// <summary>
/// An addon's settings table: every flag and flat environment variable it reads, bound to its
/// options class (whose property initialisers are the defaults), plus the kit's flags it exposes.
/// <code>
/// internal static readonly AddonSettings&lt;CleanerOptions&gt; Definition = new("cleaner", "deletes files …")
/// {
///     { "dry-run", "DRY_RUN", SettingValues.Boolean(), o =&gt; o.DryRun, (o, v) =&gt; o.DryRun = v, "Log, delete nothing" },
///     KitSettings.HealthPort with { Flag = "metrics-port", Env = "METRICS_PORT", Default = "0" },
/// };
/// </code>
/// </summary>
/// <remarks>
/// Guarantees: flag &gt; environment &gt; default; <c>--flag=value</c>, <c>--flag value</c>, <c>-flag</c> (one
/// dash, as Go's flag package) and bare switches; the last occurrence wins; <c>--help</c>/<c>-h</c> and
/// <c>--version</c>/<c>-V</c> always work and skip validation; <c>--Section:Key=value</c> sets any kit
/// configuration key. Errors: one <see cref="SettingsError"/> line naming the flag, its variable and what
/// is accepted. Not supported: combined short flags (<c>-yc</c>), negated switches (<c>--no-x</c>).
/// </remarks>
/// <typeparam name="TOptions">The addon's options class.</typeparam>
public sealed class AddonSettings<TOptions> : IEnumerable<Setting>
    where TOptions : class, new()
{
    private readonly List<Setting> _settings = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="program">The addon's name (help, version, logs).</param>
    /// <param name="summary">One sentence for <c>--help</c>.</param>
    /// <param name="check">Rules across settings, run last (see <see cref="Check"/>).</param>
    public AddonSettings(string program, string summary, SettingsCheck<TOptions>? check = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        Program = program;
        Summary = summary;
        Check = check;
    }

    /// <summary>The addon's name.</summary>
    public string Program { get; }

    /// <summary>One sentence for <c>--help</c>.</summary>
    public string Summary { get; }

    /// <summary>The usage line; null: <c>Usage: &lt;program&gt; [flags]</c>.</summary>
    public string? Usage { get; init; }

    /// <summary>A block printed after the usage line (a CLI's commands).</summary>
    public string? Commands { get; init; }

    /// <summary>A block printed last (exit codes).</summary>
    public string? Footer { get; init; }

    /// <summary>True when non-flag arguments are allowed (a CLI's command); false: they are an error.</summary>
    public bool AcceptsArguments { get; init; }

    /// <summary>Rules across settings, run last.</summary>
    public SettingsCheck<TOptions>? Check { get; init; }

    /// <summary>The settings, in <c>--help</c> order.</summary>
    public IReadOnlyList<Setting> Settings => _settings;

    /// <summary>The setting with long flag <paramref name="flag"/>.</summary>
    public Setting this[string flag] =>
        _settings.FirstOrDefault(s => s.Flag == flag) ?? throw new KeyNotFoundException($"no setting --{flag}");

    /// <summary>Adds a setting (a kit setting, or one built by hand).</summary>
    public void Add(Setting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (_settings.Any(s => (s.Flag is not null && s.Flag == setting.Flag) || (s.Short is not null && s.Short == setting.Short)))
        {
            throw new ArgumentException($"duplicate flag {setting.Display}", nameof(setting));
        }

        _settings.Add(setting);
    }

    /// <summary>Adds several settings (<c>KitSettings.LeaderElection</c>).</summary>
    public void Add(IEnumerable<Setting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var setting in settings)
        {
            Add(setting);
        }
    }

    /// <summary>Adds a setting bound to a property of <typeparamref name="TOptions"/>.</summary>
    /// <param name="flag">The long flag without dashes, or null for an environment-only setting.</param>
    /// <param name="env">The flat environment variable, or null.</param>
    /// <param name="value">How the text is parsed.</param>
    /// <param name="get">Reads the property (its initial value is the default).</param>
    /// <param name="set">Writes the property.</param>
    /// <param name="help">One line of help.</param>
    /// <param name="shortName">A one-letter alias, or null.</param>
    public void Add<T>(string? flag, string? env, SettingValue<T> value, Func<TOptions, T?> get, Action<TOptions, T> set, string help, char? shortName = null) =>
        Add(new OptionSetting<TOptions, T>(value, get, set) { Flag = flag, Env = env, Help = help, Short = shortName });

    /// <summary>Reads <paramref name="args"/> and the environment; never throws for bad input.</summary>
    public ParsedSettings<TOptions> Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null) =>
        SettingsParser.Parse(this, args, environment ?? Environment.GetEnvironmentVariable);

    /// <summary>The generated <c>--help</c> text.</summary>
    public string HelpText() => SettingsHelp.Render(this, new TOptions());

    /// <inheritdoc />
    public IEnumerator<Setting> GetEnumerator() => _settings.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
