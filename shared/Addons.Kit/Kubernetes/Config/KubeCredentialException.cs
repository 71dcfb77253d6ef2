namespace Addons.Kit.Kubernetes.Config;

/// <summary>Credentials could not be obtained for a request: the exec credential plugin failed, timed out or printed
/// no usable ExecCredential. The message names the kubeconfig and the plugin, and the first line of its stderr.</summary>
/// <remarks>Retry semantics: transient (a plugin that failed on a network blip may succeed on the next request);
/// a plugin that cannot be started at all is a <see cref="KubeConfigException"/> instead.</remarks>
public sealed class KubeCredentialException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KubeCredentialException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KubeCredentialException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public KubeCredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
