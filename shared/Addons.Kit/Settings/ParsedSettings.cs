namespace Addons.Kit.Settings;

/// <summary>
/// The outcome of reading the command line and environment: run with options, print help or the
/// version, or stop with an error line. Parsing never starts anything and never contacts a cluster.
/// </summary>
public class ParsedSettings
{
    private readonly Lazy<string> _helpText;

    internal ParsedSettings(string program, Func<string> helpText, SettingsState state)
    {
        Program = program;
        _helpText = new Lazy<string>(helpText);
        Configuration = state.Configuration;
        ConfigurationDefaults = state.ConfigurationDefaults;
    }

    /// <summary>The addon's name.</summary>
    public string Program { get; }

    /// <summary>The generated <c>--help</c> text.</summary>
    public string HelpText => _helpText.Value;

    /// <summary>Arguments that are not flags (a CLI's command and its operands), in order.</summary>
    public IReadOnlyList<string> Arguments { get; internal init; } = [];

    /// <summary><c>--help</c> or <c>-h</c> was given.</summary>
    public bool HelpRequested { get; internal init; }

    /// <summary><c>--version</c> or <c>-V</c> was given.</summary>
    public bool VersionRequested { get; internal init; }

    /// <summary>The first problem found, or null.</summary>
    public SettingsError? Error { get; internal init; }

    /// <summary>True when the addon should run: no error, no help, no version.</summary>
    public bool ShouldRun => Error is null && !HelpRequested && !VersionRequested;

    /// <summary>Kit configuration keys set by flags or flat environment variables (highest precedence).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; }

    /// <summary>Addon defaults for kit configuration keys (lowest precedence).</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationDefaults { get; }
}
