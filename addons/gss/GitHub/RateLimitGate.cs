namespace Addons.Gss.GitHub;

/// <summary>
/// One pause shared by every request of a scan: when GitHub says the budget is spent (or asks to
/// back off), no request goes out until the pause ends. Thread-safe.
/// </summary>
internal sealed class RateLimitGate(TimeProvider time)
{
    private long _resumeAtTicks;

    /// <summary>Holds every request until <paramref name="until"/> (a later pause wins).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _resumeAtTicks);
            if (current >= ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _resumeAtTicks, ticks, current) != current);
    }

    /// <summary>Waits out the current pause, if any.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            var wait = new DateTimeOffset(Interlocked.Read(ref _resumeAtTicks), TimeSpan.Zero) - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, ct);
        }
    }
}
