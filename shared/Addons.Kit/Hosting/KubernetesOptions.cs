namespace Addons.Kit.Hosting;

/// <summary>How to reach the API server (configuration section <c>Kubernetes</c>; flags <c>--kubeconfig</c>, <c>--context</c>).</summary>
public sealed class KubernetesOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Kubernetes";

    /// <summary>Kubeconfig path(s), colon-separated.</summary>
    /// <value>The default value is null: in-cluster config in a pod, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</value>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context to use.</summary>
    /// <value>The default value is null: the kubeconfig's <c>current-context</c>.</value>
    public string? Context { get; set; }
}
