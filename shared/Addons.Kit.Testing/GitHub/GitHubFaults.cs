namespace Addons.Kit.Testing.GitHub;

/// <summary>Latency (global and per route) and injected errors of a <see cref="GitHubEmulator"/>. Thread-safe.</summary>
public sealed class GitHubFaults
{
    private readonly Lock _gate = new();
    private readonly List<GitHubFaultRule> _rules = [];
    private readonly Dictionary<GitHubRoute, TimeSpan> _routeLatency = [];
    private long _latencyTicks;

    /// <summary>Delay added to every request (before the route's own latency).</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Sets an extra delay for one route.</summary>
    public void SetLatency(GitHubRoute route, TimeSpan delay)
    {
        lock (_gate)
        {
            _routeLatency[route] = delay;
        }
    }

    /// <summary>Adds an error rule and returns it (its <see cref="GitHubFaultRule.Hits"/> counts failures).</summary>
    public GitHubFaultRule AddError(GitHubFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Shorthand for <see cref="AddError(GitHubFaultRule)"/>.</summary>
    public GitHubFaultRule AddError(int statusCode, GitHubRoute? route = null, string? repository = null, int? count = null, TimeSpan? retryAfter = null) =>
        AddError(new GitHubFaultRule { StatusCode = statusCode, Route = route, Repository = repository, Count = count, RetryAfter = retryAfter });

    /// <summary>Removes every rule and every latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _routeLatency.Clear();
        }

        Latency = TimeSpan.Zero;
    }

    internal TimeSpan DelayFor(GitHubRoute route)
    {
        lock (_gate)
        {
            return Latency + (_routeLatency.TryGetValue(route, out var extra) ? extra : TimeSpan.Zero);
        }
    }

    internal GitHubFaultRule? Take(GitHubRoute route, string? repository)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.Matches(route, repository) && rule.TryHit())
                {
                    return rule;
                }
            }
        }

        return null;
    }
}
