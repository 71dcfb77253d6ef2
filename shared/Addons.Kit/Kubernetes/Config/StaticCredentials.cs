using System.Net.Http.Headers;
using System.Text;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>A fixed bearer token or basic-auth pair from the kubeconfig.</summary>
internal sealed class StaticCredentials(AuthenticationHeaderValue? header) : KubeCredentials
{
    public static StaticCredentials Bearer(string token) => new(new AuthenticationHeaderValue("Bearer", token));

    public static StaticCredentials Basic(string user, string password) =>
        new(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))));

    public override ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken) => ValueTask.FromResult(header);
}
