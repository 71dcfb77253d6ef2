using Addons.Kit.Shutdown;

namespace Addons.Kit.Settings;

/// <summary>
/// A setting that is missing, malformed or out of range: one line for stderr and the exit code
/// (2 unless an addon documents another for the case, such as the cleaner's invalid glob, 1).
/// </summary>
/// <param name="Line">The whole line: <c>configuration error: --dry-run (env DRY_RUN): invalid value "yes"; accepted values: true, false, 1 or 0</c>.</param>
/// <param name="ExitCode">The process exit code.</param>
public sealed record SettingsError(string Line, int ExitCode = ExitCodes.Configuration)
{
    /// <summary>The prefix every settings error line starts with.</summary>
    public const string Prefix = "configuration error: ";

    /// <summary><paramref name="value"/> is not accepted by <paramref name="setting"/> (the value is not echoed for a secret).</summary>
    public static SettingsError Invalid(Setting setting, string? value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var shown = setting.Secret ? "invalid value" : $"invalid value \"{value}\"";
        return For(setting, shown);
    }

    /// <summary>A problem with <paramref name="setting"/>, followed by what it accepts.</summary>
    public static SettingsError For(Setting setting, string problem)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return new($"{Prefix}{setting.Display}: {problem}; accepted values: {setting.Accepted}");
    }

    /// <summary>A problem that is not about one setting (an unknown flag, a stray argument).</summary>
    public static SettingsError Usage(string problem) => new(Prefix + problem);
}
