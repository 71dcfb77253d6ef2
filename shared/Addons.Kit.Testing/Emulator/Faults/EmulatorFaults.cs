using System.Globalization;
using Addons.Kit.Testing.Emulator.Http;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// Fault injection for resilience tests: added latency, error responses by verb/resource/probability, canned
/// responses (bad bodies, see <see cref="FaultResponse"/>),
/// closing open watches, forcing the next watch to 410 Expired, and pausing the whole server.
/// <para>Thread-safe; changes apply to the next request.</para>
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly List<FaultResponse> _responses = [];
    private readonly Random _random;
    private readonly ObjectStore _store;
    private TaskCompletionSource _running = Started();
    private int _forcedGone;
    private long _latencyTicks;

    internal EmulatorFaults(ObjectStore store, int? seed = null)
    {
        _store = store;
        _random = seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>Delay added before every request is handled.</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Whether <see cref="Pause"/> is in effect.</summary>
    public bool IsPaused => !_running.Task.IsCompleted;

    /// <summary>Adds an error rule and returns it (its <see cref="FaultRule.Hits"/> counts failures).</summary>
    public FaultRule AddError(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Shorthand for <see cref="AddError(FaultRule)"/>.</summary>
    public FaultRule AddError(int statusCode, string? verb = null, string? resource = null, double probability = 1, int? count = null, TimeSpan? retryAfter = null) =>
        AddError(new FaultRule { StatusCode = statusCode, Verb = verb, Resource = resource, Probability = probability, Count = count, RetryAfter = retryAfter });

    /// <summary>Adds a canned response (garbage, HTML, huge, truncated or stalling bodies) and returns it.</summary>
    public FaultResponse AddResponse(FaultResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            _responses.Add(response);
        }

        return response;
    }

    /// <summary>Removes one rule.</summary>
    public void RemoveError(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Remove(rule);
        }
    }

    /// <summary>Ends every open watch stream now; clients see the connection's response end, as on an apiserver restart.</summary>
    /// <returns>How many watches were closed.</returns>
    public int CloseWatches() => _store.CloseWatches();

    /// <summary>The next watch request (any resource) receives a 410 Expired ERROR event, forcing the client to relist.</summary>
    public void ForceNextWatchGone() => Interlocked.Increment(ref _forcedGone);

    /// <summary>Holds every request (and open watch output) until <see cref="Resume"/>, like an unresponsive server.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            if (_running.Task.IsCompleted)
            {
                _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Releases everything held by <see cref="Pause"/>.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            _running.TrySetResult();
        }
    }

    /// <summary>Clears rules, latency, forced 410s and pause.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _rules.Clear();
            _responses.Clear();
        }

        Latency = TimeSpan.Zero;
        Interlocked.Exchange(ref _forcedGone, 0);
        Resume();
    }

    internal Task WaitWhilePausedAsync(CancellationToken ct)
    {
        var running = _running.Task;
        return running.IsCompleted ? Task.CompletedTask : running.WaitAsync(ct);
    }

    internal async Task BeforeRequestAsync(CancellationToken ct)
    {
        await WaitWhilePausedAsync(ct);
        var latency = Latency;
        if (latency > TimeSpan.Zero)
        {
            // Intentional: injected latency is the fault under test, not a wait in the server's logic.
            await Task.Delay(latency, ct);
        }
    }

    internal bool TakeForcedGone()
    {
        var current = Volatile.Read(ref _forcedGone);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _forcedGone, current - 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    internal FaultResponse? CheckResponse(ApiRequest request)
    {
        lock (_gate)
        {
            return _responses.FirstOrDefault(r => r.TryFire(request.Verb, request.Kind.Plural, request.Resource, request.Kind.Group));
        }
    }

    internal ApiError? Check(ApiRequest request)
    {
        FaultRule? fired;
        lock (_gate)
        {
            fired = _rules.FirstOrDefault(r => r.TryFire(request.Verb, request.Kind.Plural, request.Resource, request.Kind.Group, _random));
        }

        if (fired is null)
        {
            return null;
        }

        var retry = fired.RetryAfter ?? (fired.StatusCode is 429 or 503 ? TimeSpan.FromSeconds(1) : null);
        var (reason, message) = fired.StatusCode switch
        {
            429 => ("TooManyRequests", "the server has received too many requests and has asked us to try again later"),
            500 => ("InternalError", "an error on the server (\"injected fault\") has prevented the request from succeeding"),
            503 => ("ServiceUnavailable", "the server is currently unable to handle the request"),
            504 => ("Timeout", "the server was unable to return a response in the time allotted"),
            _ => ("InternalError", "injected fault " + fired.StatusCode.ToString(CultureInfo.InvariantCulture)),
        };
        return new ApiError(fired.StatusCode, reason, $"{message} ({request.Verb} {request.Resource})", request.Kind, request.Name)
        {
            RetryAfterSeconds = retry is { } r ? Math.Max(1, (int)Math.Ceiling(r.TotalSeconds)) : null,
        };
    }

    private static TaskCompletionSource Started()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }
}
