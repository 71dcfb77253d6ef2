namespace Addons.Kit.Settings;

/// <summary>Parses one raw value; false means "not accepted" (the caller reports <see cref="SettingValue{T}.Accepted"/>).</summary>
public delegate bool SettingParser<T>(string text, out T value);

/// <summary>
/// How one setting's text becomes a typed value: the parser, how a value is printed back (for
/// <c>--help</c> defaults) and what is accepted, in words, for error messages. Build them with
/// <see cref="SettingValues"/>.
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
public sealed class SettingValue<T>
{
    private readonly SettingParser<T> _parse;
    private readonly Func<T, string> _format;

    /// <summary>Creates a value type from its parts.</summary>
    /// <param name="accepted">What is accepted, e.g. <c>an integer from 0 to 100</c>.</param>
    /// <param name="parse">The parser.</param>
    /// <param name="format">Prints a value the way a user would write it.</param>
    /// <param name="isSwitch">True for booleans: a bare <c>--flag</c> means true.</param>
    public SettingValue(string accepted, SettingParser<T> parse, Func<T, string> format, bool isSwitch = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accepted);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(format);
        Accepted = accepted;
        _parse = parse;
        _format = format;
        IsSwitch = isSwitch;
    }

    /// <summary>What is accepted, in words.</summary>
    public string Accepted { get; }

    /// <summary>True when a bare flag (<c>--dry-run</c>) means true.</summary>
    public bool IsSwitch { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    public bool TryParse(string text, out T value) => _parse(text, out value);

    /// <summary>Prints <paramref name="value"/> the way a user writes it.</summary>
    public string Format(T value) => _format(value);

    /// <summary>The same parser with extra rules on the parsed value (a range, a non-empty list).</summary>
    /// <param name="accepted">The new description of what is accepted.</param>
    /// <param name="accept">True when the parsed value is acceptable.</param>
    public SettingValue<T> Where(string accepted, Func<T, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var parse = _parse;
        return new SettingValue<T>(accepted, (string text, out T value) => parse(text, out value) && accept(value), _format, IsSwitch);
    }
}
