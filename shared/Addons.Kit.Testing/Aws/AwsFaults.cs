namespace Addons.Kit.Testing.Aws;

/// <summary>
/// Fault injection: errors per operation (throttling with Retry-After, 5xx, anything), latency, and the
/// outcome of the next update (failed or cancelled).
/// </summary>
public sealed class AwsFaults
{
    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];
    private (string Outcome, string? Code)? _nextUpdate;

    /// <summary>Delay before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Answers the next <paramref name="count"/> calls of <paramref name="operation"/> (null = any) with 429 ThrottlingException and Retry-After.</summary>
    public void Throttle(string? operation, int count = 1, TimeSpan? retryAfter = null) =>
        Add(operation, count, 429, "ThrottlingException", "Rate exceeded", retryAfter ?? TimeSpan.FromSeconds(1));

    /// <summary>Answers the next <paramref name="count"/> calls of <paramref name="operation"/> (null = any) with an error.</summary>
    public void Add(string? operation, int count, int status, string code, string message, TimeSpan? retryAfter = null)
    {
        lock (_lock)
        {
            _rules.Add(new Rule(operation, status, code, message, retryAfter) { Remaining = count });
        }
    }

    /// <summary>The next update started (cluster, add-on or node group) ends Failed with <paramref name="errorCode"/>.</summary>
    public void FailNextUpdate(string errorCode = "ClusterUnreachable")
    {
        lock (_lock)
        {
            _nextUpdate = ("Failed", errorCode);
        }
    }

    /// <summary>The next update started ends Cancelled.</summary>
    public void CancelNextUpdate()
    {
        lock (_lock)
        {
            _nextUpdate = ("Cancelled", null);
        }
    }

    /// <summary>Removes every rule and the pending update outcome; latency back to zero.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
            _nextUpdate = null;
            Latency = TimeSpan.Zero;
        }
    }

    internal AwsEmulatorError? Check(string operation)
    {
        lock (_lock)
        {
            var rule = _rules.FirstOrDefault(r => r.Remaining > 0 && (r.Operation is null || r.Operation == operation));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return new AwsEmulatorError(rule.Status, rule.Code, rule.Message) { RetryAfter = rule.RetryAfter };
        }
    }

    internal (string Outcome, string? Code)? TakeNextUpdateOutcome()
    {
        lock (_lock)
        {
            var next = _nextUpdate;
            _nextUpdate = null;
            return next;
        }
    }

    private sealed record Rule(string? Operation, int Status, string Code, string Message, TimeSpan? RetryAfter)
    {
        public int Remaining { get; set; }
    }
}
