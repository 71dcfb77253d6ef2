namespace Addons.Gss.Configuration;

/// <summary>The parsed command line: settings, or a request for help or the version.</summary>
internal sealed record CommandLine(GssOptions? Options, bool ShowHelp, bool ShowVersion);
