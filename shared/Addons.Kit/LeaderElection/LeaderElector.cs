using System.Runtime.ExceptionServices;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Kubernetes.Watching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Addons.Kit.LeaderElection;

/// <summary>
/// Leader election on a <c>coordination.k8s.io/v1</c> Lease: at most one replica runs the leader-only work.
/// </summary>
/// <remarks>
/// <para>Guarantees: a leader whose renewals fail stops leading (its work token is cancelled) at
/// last-successful-attempt-start + <see cref="LeaderElectionOptions.RenewDeadline"/>, which is before any standby may
/// take over (a standby waits <see cref="LeaderElectionOptions.LeaseDuration"/> from when it saw the last renewal).
/// Writes use the Lease's resourceVersion, so two replicas cannot both win one round. Each request is bounded by
/// max(RenewDeadline/2, 1 s). Every duration is measured on the monotonic clock (<see cref="TimeProvider.GetTimestamp"/>),
/// so a wall clock jumping back cannot keep a leader leading past its deadline.</para>
/// <para>Graceful stop (the token passed to <see cref="RunAsync"/> is cancelled): the work is cancelled and awaited,
/// then the Lease is released (no holder, 1 s duration) so a standby acquires it within one retry period.</para>
/// <para>Unintended loss: the work is cancelled, <see cref="LeadershipLost"/> completes and <see cref="RunAsync"/>
/// throws <see cref="LeadershipLostException"/>. The host must exit non-zero; there is no in-process re-election.</para>
/// <para>One <see cref="RunAsync"/> per instance.</para>
/// </remarks>
public sealed partial class LeaderElector
{
    private readonly LeaderElectionOptions options;
    private readonly LeaseLock lease;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly TimeSpan requestTimeout;
    private readonly TaskCompletionSource<string> lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private readonly ITimer deadlineTimer;
    private CancellationTokenSource? leadership;
    private long deadline;
    private bool leading;
    private bool stopping;
    private bool sawOtherHolder;
    private int ran;
    private string? lostReason;

    /// <summary>Creates an elector; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public LeaderElector(KubeApi api, LeaderElectionOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        this.options = options;
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? api.Time;
        LeaseName = options.LeaseName;
        Namespace = options.Namespace
            ?? InClusterConfig.ReadNamespace(KubeEnvironment.DefaultServiceAccountDirectory)
            ?? api.Connection.Namespace
            ?? throw new ArgumentException("LeaderElection:Namespace is required when not running in a pod and the kubeconfig context sets no namespace", nameof(options));
        Identity = options.Identity ?? Environment.MachineName + "_" + Guid.NewGuid().ToString("N");
        requestTimeout = options.RenewDeadline / 2 > TimeSpan.FromSeconds(1) ? options.RenewDeadline / 2 : TimeSpan.FromSeconds(1);
        lease = new LeaseLock(api.For(ResourceType.Lease, KubeJson.Lease), Namespace, LeaseName, Identity, options.LeaseDuration, time);
        deadlineTimer = time.CreateTimer(_ => OnDeadline(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>This replica's identity in the Lease.</summary>
    public string Identity { get; }

    /// <summary>Namespace of the Lease.</summary>
    public string Namespace { get; }

    /// <summary>Name of the Lease.</summary>
    public string LeaseName { get; }

    /// <summary>True while this replica leads (between acquiring and stopping).</summary>
    public bool IsLeader
    {
        get
        {
            lock (gate)
            {
                return leading;
            }
        }
    }

    /// <summary>True once this replica has led or has read a valid Lease that another replica holds.</summary>
    public bool KnowsLeader => IsLeader || Volatile.Read(ref sawOtherHolder);

    /// <summary>Completes, with the reason, when leadership is lost unintentionally. The host observes it and exits non-zero.</summary>
    public Task<string> LeadershipLost => lost.Task;

    /// <summary>Campaigns until leading, runs <paramref name="onStartedLeading"/> while leading, and stops.</summary>
    /// <param name="onStartedLeading">Leader-only work; its token is cancelled when leadership ends for any reason.</param>
    /// <param name="onStoppedLeading">Called after the work has finished, when this replica had led.</param>
    /// <param name="cancellationToken">Graceful stop: work cancelled and awaited, then the lease released.</param>
    /// <returns>Completes normally on graceful stop (also while still campaigning).</returns>
    /// <exception cref="LeadershipLostException">Leadership was lost without a stop request.</exception>
    public async Task RunAsync(Func<CancellationToken, Task> onStartedLeading, Action? onStoppedLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onStartedLeading);
        if (Interlocked.Exchange(ref ran, 1) != 0)
        {
            throw new InvalidOperationException("a LeaderElector runs once; create a new one (a new process) to campaign again");
        }

        try
        {
            await RunOnceAsync(onStartedLeading, onStoppedLeading, cancellationToken);
        }
        finally
        {
            deadlineTimer.Dispose();
        }
    }

    private async Task RunOnceAsync(Func<CancellationToken, Task> onStartedLeading, Action? onStoppedLeading, CancellationToken cancellationToken)
    {
        using var stopRegistration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                stopping = true;
            }
        });

        if (!await CampaignAsync(cancellationToken))
        {
            return;
        }

        using var leadershipSource = leadership!;
        var work = StartWorkAsync(onStartedLeading, leadershipSource.Token);
        await RenewUntilStoppedAsync(work, leadershipSource.Token);

        string? reason;
        lock (gate)
        {
            leading = false;
            reason = lostReason;
        }

        deadlineTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await leadershipSource.CancelAsync();
        var failure = await AwaitWorkAsync(work);
        LeaderElectionMetrics.MasterStatus.WithLabels(LeaseName).Set(0);
        onStoppedLeading?.Invoke();
        if (reason is not null)
        {
            throw new LeadershipLostException($"lost lease {Namespace}/{LeaseName}: {reason}");
        }

        await ReleaseAsync();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task<bool> CampaignAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            if (await TryAsync(cancellationToken) && Promote(started, cancellationToken))
            {
                return true;
            }

            if (lease.LastHolder is { Length: > 0 } holder && holder != Identity)
            {
                Volatile.Write(ref sawOtherHolder, true);
                Log.Held(logger, Namespace, LeaseName, holder);
            }

            // Jitter below the period (not above, as client-go does) keeps "a standby acquires a released lease
            // within one retry period" true.
            var delay = options.RetryPeriod * (1 - (0.2 * Random.Shared.NextDouble()));
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return false;
    }

    private async Task RenewUntilStoppedAsync(Task work, CancellationToken leadershipToken)
    {
        while (!leadershipToken.IsCancellationRequested && !work.IsFaulted && !work.IsCanceled)
        {
            var delay = Task.Delay(options.RetryPeriod, time, leadershipToken);
            await Task.WhenAny(delay, work);
            if (!delay.IsCompleted)
            {
                if (work.IsFaulted || work.IsCanceled)
                {
                    return;
                }

                // The work finished while still leading: keep the lease until asked to stop.
                try
                {
                    await delay;
                }
                catch (OperationCanceledException) when (leadershipToken.IsCancellationRequested)
                {
                    return;
                }
            }

            if (leadershipToken.IsCancellationRequested)
            {
                return;
            }

            var started = time.GetTimestamp();
            if (await TryAsync(leadershipToken))
            {
                Extend(started);
            }
            else if (lease.LastHolder is { Length: > 0 } holder && holder != Identity)
            {
                Lose($"lease taken by {holder}");
            }
        }
    }

    private async Task<bool> TryAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(requestTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await lease.TryAcquireOrRenewAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping (or leadership already lost): the caller's loop sees the token and ends.
            return false;
        }
        catch (Exception e) when (e is not (ArgumentException or KubeConfigException))
        {
            // Conflicts, timeouts and transport errors are the normal weather of leader election: the next round
            // retries, and the renew deadline (not this attempt) decides when a leader stops.
            Log.AttemptFailed(logger, e, Namespace, LeaseName);
            return false;
        }
    }

    private bool Promote(long attemptStarted, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            deadline = attemptStarted + Ticks(options.RenewDeadline);
            if (now >= deadline || stopping)
            {
                // The answer came too late to lead safely; the next round renews (we are the holder).
                return false;
            }

            leading = true;
            leadership = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadlineTimer.Change(Until(now), Timeout.InfiniteTimeSpan);
        }

        LeaderElectionMetrics.MasterStatus.WithLabels(LeaseName).Set(1);
        Log.Acquired(logger, Namespace, LeaseName, Identity);
        return true;
    }

    private void Extend(long attemptStarted)
    {
        lock (gate)
        {
            var candidate = attemptStarted + Ticks(options.RenewDeadline);
            var now = time.GetTimestamp();
            if (!leading || now >= deadline || candidate <= deadline)
            {
                return;
            }

            deadline = candidate;
            deadlineTimer.Change(Until(now), Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDeadline()
    {
        lock (gate)
        {
            if (!leading)
            {
                return;
            }

            var now = time.GetTimestamp();
            if (now < deadline)
            {
                deadlineTimer.Change(Until(now), Timeout.InfiniteTimeSpan);
                return;
            }
        }

        Lose($"not renewed within the renew deadline ({options.RenewDeadline.TotalSeconds:0.###}s)");
    }

    /// <summary>A duration in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    private long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * time.TimestampFrequency);

    /// <summary>Time left from <paramref name="now"/> (a timestamp) to the deadline; called under the lock.</summary>
    private TimeSpan Until(long now) => time.GetElapsedTime(now, deadline);

    /// <summary>Stops leading now: the work token is cancelled synchronously, before this returns.</summary>
    private void Lose(string reason)
    {
        lock (gate)
        {
            if (!leading || stopping)
            {
                return;
            }

            leading = false;
            lostReason = reason;

            // Cancel under the lock: RunAsync disposes the source only after it has seen leading == false, and the
            // work must observe the loss before anything else happens (Lock is re-entrant for its callbacks).
            leadership?.Cancel();
        }

        LeaderElectionMetrics.MasterStatus.WithLabels(LeaseName).Set(0);
        Log.Lost(logger, Namespace, LeaseName, reason);
        lost.TrySetResult(reason);
    }

    private static async Task StartWorkAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        // Run the callback off the elector's loop so a synchronous start cannot delay renewals.
        await Task.Yield();
        await work(cancellationToken);
    }

    private static async Task<Exception?> AwaitWorkAsync(Task work)
    {
        try
        {
            await work;
            return null;
        }
        catch (OperationCanceledException) when (work.IsCanceled)
        {
            // Cancelled because leadership ended: the expected way for leader-only work to stop.
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(requestTimeout, time);
        try
        {
            if (await lease.ReleaseAsync(timeout.Token))
            {
                Log.Released(logger, Namespace, LeaseName);
            }
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Log.ReleaseFailed(logger, e, Namespace, LeaseName);
        }
    }
}
