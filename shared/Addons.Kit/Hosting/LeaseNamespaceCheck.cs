using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.LeaderElection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Hosting;

/// <summary>Start-up check that leader election knows its Lease namespace before anything starts, so a controller run
/// outside a pod fails with one configuration line (exit 2) instead of a background service's stack trace.</summary>
internal static class LeaseNamespaceCheck
{
    /// <summary>The error line, or null when leader election is off or the namespace is known (flag/env, pod, kubeconfig context).</summary>
    public static string? Problem(IServiceProvider services, KubeApi kube)
    {
        // Asked without resolving it: building the elector is what throws when the namespace is missing.
        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(ILeaderWork)) != true)
        {
            return null;
        }

        var options = services.GetService<IOptions<LeaderElectionHostOptions>>()?.Value;
        return Problem(options, InClusterConfig.ReadNamespace(KubeEnvironment.DefaultServiceAccountDirectory), kube.Connection.Namespace);
    }

    /// <summary>The pure rule, for tests.</summary>
    internal static string? Problem(LeaderElectionHostOptions? options, string? podNamespace, string? contextNamespace) =>
        options is { Enabled: true } && string.IsNullOrEmpty(options.LeaseNamespace) && string.IsNullOrEmpty(podNamespace) && string.IsNullOrEmpty(contextNamespace)
            ? "configuration error: LeaderElection:LeaseNamespace: required when not running in a pod and the kubeconfig context sets no namespace; " +
              "set --lease-namespace or the environment variable LeaderElection__LeaseNamespace"
            : null;
}
