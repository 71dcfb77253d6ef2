using Addons.Kit.Testing.Aws;
using Addons.Kit.Testing.Emulator;

namespace Addons.Sandbox;

/// <summary>
/// The sandbox's EKS/STS emulator: one "demo" EKS cluster (Kubernetes 1.30, four add-ons one build behind
/// their default, two node groups, upgrade insights) whose API endpoint is the sandbox's Kubernetes emulator,
/// which accepts <c>aws eks get-token --cluster-name demo</c> tokens. Listens on the Kubernetes port + 1 so the
/// printed commands stay valid across runs.
/// </summary>
internal sealed class AwsSandbox : IAsyncDisposable
{
    /// <summary>The demo cluster's name.</summary>
    public const string ClusterName = "demo";

    /// <summary>The demo cluster's Kubernetes version at start.</summary>
    public const string InitialVersion = "1.30";

    private readonly EksTokenAuthenticator _tokens;

    private AwsSandbox(AwsEmulator aws, EksTokenAuthenticator tokens)
    {
        Aws = aws;
        _tokens = tokens;
    }

    /// <summary>The running emulator.</summary>
    public AwsEmulator Aws { get; }

    /// <summary>Starts the emulator on <paramref name="port"/> (0 = any), seeds the demo cluster and plugs EKS tokens into <paramref name="api"/>.</summary>
    public static async Task<AwsSandbox> StartAsync(KubeApiEmulator api, int port, CancellationToken ct)
    {
        var aws = await AwsEmulator.StartAsync(new AwsEmulatorOptions { Port = port, UpdateDuration = TimeSpan.FromSeconds(30) }, ct);
        var ca = api.CaCertificatePem is { } pem ? Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem)) : null;
        EksDemo.Seed(aws, ClusterName, InitialVersion, api.BaseUrl, ca);
        var tokens = new EksTokenAuthenticator(aws, ClusterName);
        api.Rbac.ExternalTokens = tokens.AsKubernetesAuthenticator();
        return new AwsSandbox(aws, tokens);
    }

    /// <summary>The kubelet version of a node that matches the demo cluster's control plane now ("v1.30.0-eks").</summary>
    public string KubeletVersion => KubeletVersionFor(Aws.Clusters.TryGetValue(ClusterName, out var cluster) ? cluster.Version : InitialVersion);

    /// <summary>The kubelet version an EKS-optimized AMI for <paramref name="clusterVersion"/> reports.</summary>
    public static string KubeletVersionFor(string clusterVersion) => $"v{clusterVersion}.0-eks";

    /// <summary>Ready-to-paste commands (AWS CLI v2 or v1), each working as printed from any directory.</summary>
    public IReadOnlyList<string> Commands()
    {
        var env = $"AWS_ACCESS_KEY_ID={Aws.AccessKeyId} AWS_SECRET_ACCESS_KEY={Aws.SecretAccessKey}";
        var at = $"--endpoint-url {Aws.Endpoint} --region {Aws.Region}";
        return
        [
            $"{env} aws eks list-clusters {at}",
            $"{env} aws eks describe-cluster --name {ClusterName} {at}",
            $"{env} aws eks list-addons --cluster-name {ClusterName} {at}",
            $"{env} aws eks describe-addon-versions --kubernetes-version 1.31 --addon-name vpc-cni {at}",
            $"{env} aws eks list-nodegroups --cluster-name {ClusterName} {at}",
            $"{env} aws eks update-cluster-version --name {ClusterName} --kubernetes-version 1.31 {at}",
            $"{env} aws sts get-caller-identity {at}",
        ];
    }

    /// <summary>Stops the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        _tokens.Dispose();
        await Aws.DisposeAsync();
    }
}
