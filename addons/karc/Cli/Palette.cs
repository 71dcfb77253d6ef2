namespace Addons.Karc.Cli;

/// <summary>
/// ANSI colours for terminal output. Colours are used only when stdout is a terminal and
/// <c>NO_COLOR</c> is not set (https://no-color.org).
/// </summary>
internal sealed class Palette
{
    public static readonly Palette None = new(enabled: false);

    private readonly bool _enabled;

    private Palette(bool enabled) => _enabled = enabled;

    public Func<string, string> Ok => s => Wrap("32", s);

    public Func<string, string> Warning => s => Wrap("33", s);

    public Func<string, string> Error => s => Wrap("31", s);

    /// <summary>Chooses the palette for stdout from the environment.</summary>
    public static Palette For(bool isTerminal, string? noColor) =>
        isTerminal && string.IsNullOrEmpty(noColor) ? new Palette(enabled: true) : None;

    private string Wrap(string code, string text) => _enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
