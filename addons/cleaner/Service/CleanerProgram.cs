using Addons.Cleaner.Configuration;
using Addons.Cleaner.Globbing;
using Addons.Kit.Hosting;
using Addons.Kit.Shutdown;

namespace Addons.Cleaner.Service;

/// <summary>
/// The cleaner's entry point: reads and validates its own settings (the original's flag and
/// environment names; exit 2), compiles its globs (exit 1), then hands over to the kit's host —
/// logging, <c>--version</c>, the health and metrics listener, signals and exit codes.
/// </summary>
internal static class CleanerProgram
{
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        CommandLine command;
        try
        {
            command = CleanerOptionsParser.Parse(args, environment);
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync("cleaner: " + e.Message);
            return ExitCodes.Configuration;
        }

        if (command.ShowHelp)
        {
            await Console.Out.WriteAsync(HelpText.Render());
            return ExitCodes.Clean;
        }

        if (command.ShowVersion)
        {
            return await AddonHost.CreateBuilder(["--version"], "cleaner").Build().RunAsync(cancellationToken);
        }

        var options = command.Options;
        GlobSet include;
        GlobSet exclude;
        try
        {
            include = GlobSet.Compile(options.IncludePatterns);
            exclude = GlobSet.Compile(options.ExcludePatterns);
        }
        catch (GlobSyntaxException e)
        {
            await Console.Error.WriteLineAsync("cleaner: " + e.Message);
            return ExitCodes.Failure;
        }

        var builder = AddonHost.CreateBuilder(KitArguments(options), "cleaner");
        builder.Services.AddCleaner(options, include, exclude);
        return await builder.Build().RunAsync(cancellationToken);
    }

    /// <summary>
    /// The kit's settings, translated from the cleaner's: its flags are the original's, so the kit never
    /// sees them raw (the kit's command-line parser would reject a bare <c>--dry-run</c>).
    /// </summary>
    internal static string[] KitArguments(CleanerOptions options) =>
    [
        "--log-level=" + options.LogLevel switch
        {
            "trace" => "Verbose",
            "debug" => "Debug",
            "warn" => "Warning",
            "error" => "Error",
            _ => "Information",
        },
        "--health-port=" + options.MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}
