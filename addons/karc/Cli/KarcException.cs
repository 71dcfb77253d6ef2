namespace Addons.Karc.Cli;

/// <summary>A runtime failure with a message meant for the user (exit code 1).</summary>
internal sealed class KarcException(string message, Exception? inner = null) : Exception(message, inner);
