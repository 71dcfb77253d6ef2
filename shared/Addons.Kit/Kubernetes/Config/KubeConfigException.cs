namespace Addons.Kit.Kubernetes.Config;

/// <summary>The Kubernetes client configuration is missing or invalid. The message names the file and field.</summary>
/// <remarks>Not retryable: fix the configuration (hosts turn this into exit code 2).</remarks>
public sealed class KubeConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KubeConfigException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KubeConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one field of one file: <c>file: field: problem</c>.</summary>
    internal static KubeConfigException At(string file, string field, string problem, Exception? inner = null)
    {
        var message = file + ": " + field + ": " + problem;
        return inner is null ? new KubeConfigException(message) : new KubeConfigException(message, inner);
    }
}
