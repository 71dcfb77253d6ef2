using Addons.Karc.Cli;

namespace Addons.Karc.Freezes;

/// <summary><c>karc controller</c>: the ConsolidationFreeze controller on the kit's addon host.</summary>
internal static class ControllerHost
{
    public static Task<int> RunAsync(CliOptions options, CancellationToken cancellationToken)
    {
        _ = options;
        _ = cancellationToken;
        return Task.FromResult(ExitCodes.Failure);
    }
}
