namespace Addons.Kit.Kubernetes.Config;

/// <summary>The process environment the configuration is discovered from; replaceable in tests.</summary>
/// <param name="GetVariable">Reads an environment variable.</param>
/// <param name="ServiceAccountDirectory">Where the pod's service-account token, CA and namespace are mounted.</param>
/// <param name="HomeDirectory">The user's home (for <c>~/.kube/config</c>); null when unknown.</param>
internal sealed record KubeEnvironment(Func<string, string?> GetVariable, string ServiceAccountDirectory, string? HomeDirectory)
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static KubeEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        DefaultServiceAccountDirectory,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? home : Environment.GetEnvironmentVariable("HOME"));

    public bool InCluster =>
        !string.IsNullOrEmpty(GetVariable("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(GetVariable("KUBERNETES_SERVICE_PORT"));

    public string? DefaultKubeconfig => HomeDirectory is null ? null : Path.Combine(HomeDirectory, ".kube", "config");
}
