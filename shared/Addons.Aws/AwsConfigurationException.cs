namespace Addons.Aws;

/// <summary>Missing or malformed AWS settings (region, endpoint, credential variables): permanent; the message names the setting and what is accepted.</summary>
public sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
