using Addons.Cleaner.Configuration;
using Addons.Cleaner.Globbing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Addons.Cleaner.Service;

/// <summary>
/// The cleaner's entry point: reads and validates its settings (exit 2), compiles its globs
/// (exit 1), then runs the host until the cycle(s) end or a stop signal (exit 0).
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
            return 2;
        }

        if (command.ShowHelp)
        {
            await Console.Out.WriteAsync(HelpText.Render());
            return 0;
        }

        if (command.ShowVersion)
        {
            await Console.Out.WriteLineAsync("cleaner " + ThisAssembly.AssemblyInformationalVersion + " (commit " + ThisAssembly.GitCommitId + ")");
            return 0;
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
            return 1;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "cleaner" });
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(options.LogLevel switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "warn" => LogLevel.Warning,
            "error" => LogLevel.Error,
            _ => LogLevel.Information,
        });
        builder.Services.AddCleaner(options, include, exclude);
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<CleanerService>();
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cleaner: fatal: " + e.Message);
            return 1;
        }

        return service.ExecuteTask is { IsFaulted: true } ? 1 : 0;
    }
}
