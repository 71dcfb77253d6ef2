namespace Addons.Kit.Kubernetes.Config;

/// <summary>A kubeconfig <c>user.exec</c> credential plugin.</summary>
/// <param name="Command">Executable (resolved against the kubeconfig directory when it is a relative path with a separator).</param>
/// <param name="Args">Arguments.</param>
/// <param name="Env">Extra environment variables.</param>
/// <param name="ApiVersion">The ExecCredential API version the plugin speaks.</param>
/// <param name="InstallHint">Shown when the command cannot be started.</param>
/// <param name="Source">The kubeconfig file and field, for error messages.</param>
internal sealed record ExecConfig(
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    string ApiVersion,
    string? InstallHint,
    string Source);
