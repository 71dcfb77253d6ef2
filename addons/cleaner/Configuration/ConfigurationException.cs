namespace Addons.Cleaner.Configuration;

/// <summary>
/// A flag or environment value that is missing, malformed or out of range. Not retryable: the
/// process prints the message (naming the setting and what is accepted) and exits with code 2.
/// </summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(string setting, string message)
        : base($"{setting}: {message}")
    {
        Setting = setting;
    }

    public ConfigurationException()
    {
        Setting = string.Empty;
    }

    public ConfigurationException(string message)
        : base(message)
    {
        Setting = string.Empty;
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = string.Empty;
    }

    /// <summary>The flag name, e.g. <c>--usage-threshold-percent</c>.</summary>
    public string Setting { get; }
}
