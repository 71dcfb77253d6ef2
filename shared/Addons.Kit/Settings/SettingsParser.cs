namespace Addons.Kit.Settings;

/// <summary>Reads flags, then flat environment variables, then defaults, into an <see cref="AddonSettings{TOptions}"/>'s options.</summary>
internal static class SettingsParser
{
    public static ParsedSettings<TOptions> Parse<TOptions>(AddonSettings<TOptions> settings, IReadOnlyList<string> args, Func<string, string?> environment)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(args);
        var state = new SettingsState(new TOptions());
        var given = new HashSet<Setting>(ReferenceEqualityComparer.Instance);
        var arguments = new List<string>();
        var help = false;
        var version = false;
        SettingsError? error = null;
        var onlyArguments = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyArguments || arg.Length < 2 || arg[0] != '-')
            {
                arguments.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyArguments = true;
                continue;
            }

            var longForm = arg.StartsWith("--", StringComparison.Ordinal);
            var body = longForm ? arg[2..] : arg[1..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var inline = equals < 0 ? null : body[(equals + 1)..];

            if (name is "help" || (!longForm && name == "h" && Find(settings, name, false) is null))
            {
                help = true;
                continue;
            }

            if (name is "version" || (!longForm && name == "V" && Find(settings, name, false) is null))
            {
                version = true;
                continue;
            }

            if (name.Contains(':', StringComparison.Ordinal))
            {
                // Any kit configuration key: --Health:BindAddress=127.0.0.1.
                var raw = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (raw is null)
                {
                    error ??= SettingsError.Usage($"--{name}: missing value");
                }
                else
                {
                    state.Configuration[name] = raw;
                }

                continue;
            }

            if (Find(settings, name, longForm) is not { } setting)
            {
                error ??= SettingsError.Usage($"{arg.Split('=')[0]}: unknown flag; accepted flags: {AcceptedFlags(settings)}");
                continue;
            }

            var value = inline ?? (setting.IsSwitch ? "true" : i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                error ??= SettingsError.For(setting, "missing value");
            }
            else if (setting.TryApply(value, state))
            {
                given.Add(setting);
            }
            else
            {
                error ??= SettingsError.Invalid(setting, value);
            }
        }

        if (help || version)
        {
            return Result(settings, state, arguments, help, version, error: null);
        }

        if (error is null && !settings.AcceptsArguments && arguments.Count > 0)
        {
            error = SettingsError.Usage($"\"{arguments[0]}\": unexpected argument; settings are given as --name=value (see --help)");
        }

        error ??= ReadEnvironment(settings, state, given, environment);
        if (error is null && settings.Check is { } check)
        {
            error = check((TOptions)state.Options, settings);
        }

        return Result(settings, state, arguments, help: false, version: false, error);
    }

    private static SettingsError? ReadEnvironment<TOptions>(AddonSettings<TOptions> settings, SettingsState state, HashSet<Setting> given, Func<string, string?> environment)
        where TOptions : class, new()
    {
        foreach (var setting in settings.Settings)
        {
            if (given.Contains(setting))
            {
                continue;
            }

            // Set but empty counts as unset: charts render optional values as "".
            if (setting.Env is { } env && environment(env) is { Length: > 0 } value)
            {
                if (!setting.TryApply(value, state))
                {
                    return SettingsError.Invalid(setting, value);
                }

                continue;
            }

            if (setting.Required)
            {
                return SettingsError.For(setting, "required but not set");
            }

            setting.ApplyDefault(state);
        }

        return null;
    }

    private static Setting? Find<TOptions>(AddonSettings<TOptions> settings, string name, bool longForm)
        where TOptions : class, new() =>
        !longForm && name.Length == 1
            ? settings.Settings.FirstOrDefault(s => s.Short == name[0])
            : settings.Settings.FirstOrDefault(s => s.Flag == name);

    private static string AcceptedFlags<TOptions>(AddonSettings<TOptions> settings)
        where TOptions : class, new() =>
        string.Join(", ", settings.Settings.Where(s => s.Flag is not null).Select(s => "--" + s.Flag).Append("--help").Append("--version"));

    private static ParsedSettings<TOptions> Result<TOptions>(
        AddonSettings<TOptions> settings, SettingsState state, List<string> arguments, bool help, bool version, SettingsError? error)
        where TOptions : class, new() =>
        new(settings.Program, settings.HelpText, state)
        {
            Arguments = arguments,
            HelpRequested = help,
            VersionRequested = version,
            Error = error,
        };
}
