using Addons.Kit.Testing.Emulator;

namespace Addons.Sandbox;

/// <summary>
/// --keep-state: writes the emulator's objects to the state file when they changed, at most every
/// <see cref="Interval"/> (so a killed sandbox loses at most that much), and once more on stop.
/// Each write is a temporary file renamed over the old one, so a kill mid-write keeps the previous state.
/// </summary>
internal sealed class StateKeeper(KubeApiEmulator api, string displayPath)
{
    /// <summary>The longest a change waits before it is on disk.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private long _savedVersion = -1;
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;

    public async Task SaveAsync(bool force, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (api.ResourceVersion == _savedVersion || (!force && now - _savedAt < Interval))
        {
            return;
        }

        try
        {
            _savedVersion = await api.SaveStateAsync(cancellationToken);
            _savedAt = now;
            if (force)
            {
                Console.WriteLine($"sandbox: cluster kept in {displayPath} (resourceVersion {_savedVersion})");
            }
        }
        catch (IOException e)
        {
            // Not fatal to a running sandbox; said once per failed attempt, retried on the next turn.
            await Console.Error.WriteLineAsync($"sandbox: cannot write {displayPath} ({e.Message}); the cluster is not kept");
        }
    }
}
