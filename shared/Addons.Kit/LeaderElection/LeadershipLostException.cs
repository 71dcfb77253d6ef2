namespace Addons.Kit.LeaderElection;

/// <summary>This replica stopped leading without being asked to (renewals failed past the renew deadline, or
/// another replica holds the Lease). Not retryable in-process: the host exits non-zero and Kubernetes restarts it.</summary>
public sealed class LeadershipLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LeadershipLostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LeadershipLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LeadershipLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
