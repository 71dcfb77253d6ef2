namespace Addons.Cleaner.Usage;

/// <summary>A path whose usage cannot be measured. The cycle logs it and goes on with the next path.</summary>
internal sealed class UsageProbeException : Exception
{
    public UsageProbeException(string path, string reason)
        : base($"cannot measure disk usage of {path}: {reason}")
    {
    }

    public UsageProbeException()
    {
    }

    public UsageProbeException(string message)
        : base(message)
    {
    }

    public UsageProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
