namespace Addons.Cleaner.Configuration;

/// <summary>What the command line asked for: run with options, or print the version or help.</summary>
internal sealed record CommandLine(CleanerOptions Options, bool ShowVersion, bool ShowHelp);
