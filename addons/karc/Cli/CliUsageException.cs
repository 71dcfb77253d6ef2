namespace Addons.Karc.Cli;

/// <summary>The command line is wrong (exit code 2). The message is shown to the user as is.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
