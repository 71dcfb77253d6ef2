namespace Addons.Karc.Cli;

/// <summary>Asks a yes/no question on the terminal; the default answer is No.</summary>
internal static class Prompt
{
    /// <summary>True when the user answered y/yes. End of input counts as No.</summary>
    public static bool Confirm(CliConsole console, string question)
    {
        console.Error.Write($"{question} [y/N] ");
        console.Error.Flush();
        var answer = console.In.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) ||
               string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
