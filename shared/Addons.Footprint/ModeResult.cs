namespace Addons.Footprint;

/// <summary>Everything measured for one addon in one build mode; a null measure could not be taken (see <see cref="Notes"/>).</summary>
internal sealed class ModeResult
{
    /// <summary>The publish output.</summary>
    public PublishResult? Build { get; set; }

    /// <summary>The OCI image.</summary>
    public ImageResult? Image { get; set; }

    /// <summary>Process start to first 200 from /readyz, one per sample.</summary>
    public List<TimeSpan> Ready { get; } = [];

    /// <summary>RSS a fixed time after ready, one per sample.</summary>
    public List<long> IdleRss { get; } = [];

    /// <summary>Highest RSS sampled while 1,000 watch events arrive.</summary>
    public long? BurstPeakRss { get; set; }

    /// <summary>SIGTERM to process exit, one per sample.</summary>
    public List<TimeSpan> SigtermToExit { get; } = [];

    /// <summary>Exit codes after SIGTERM.</summary>
    public List<int> ExitCodes { get; } = [];

    /// <summary>Whether a reconcile was seen in flight (controller_runtime_active_workers &gt; 0) when SIGTERM was sent.</summary>
    public List<bool> InFlight { get; } = [];

    /// <summary>Leader's SIGTERM to the standby holding the Lease.</summary>
    public TimeSpan? Takeover { get; set; }

    /// <summary>What could not be measured, and why.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>A job's wall time from spawn to exit, one per sample.</summary>
    public List<TimeSpan> JobWall { get; } = [];

    /// <summary>A job's peak RSS (<c>VmHWM</c>, last read before exit), one per sample.</summary>
    public List<long> JobPeakRss { get; } = [];

    /// <summary>A job's exit codes, one per sample.</summary>
    public List<int> JobExitCodes { get; } = [];
}
