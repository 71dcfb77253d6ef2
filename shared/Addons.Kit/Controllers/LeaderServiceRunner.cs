using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

/// <summary>Runs the registered leader services while leading; see <see cref="ILeaderService"/> for the contract.</summary>
internal static partial class LeaderServiceRunner
{
    /// <summary>Runs every service until <paramref name="leading"/> is cancelled; completes when all have returned.</summary>
    /// <param name="onFailure">Called with the service name when one throws (not for cancellation on stop).</param>
    public static Task RunAsync(
        IReadOnlyList<(string Name, ILeaderService Service)> services, ILogger logger, Action<string> onFailure, CancellationToken leading) =>
        Task.WhenAll(services.Select(s => RunOneAsync(s.Name, s.Service, logger, onFailure, leading)));

    private static async Task RunOneAsync(string name, ILeaderService service, ILogger logger, Action<string> onFailure, CancellationToken leading)
    {
        Log.Starting(logger, name);
        try
        {
            await service.RunAsync(leading);
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
            // Stopping is the normal end of leader work.
        }
        catch (Exception ex)
        {
            Log.Failed(logger, name, ex);
            onFailure("leader work " + name + " failed");
            return;
        }

        Log.Returned(logger, name, leading.IsCancellationRequested);
    }
}
