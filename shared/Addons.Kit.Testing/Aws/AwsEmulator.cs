using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Addons.Kit.Testing.Aws;

/// <summary>
/// An in-process EKS + STS API for tests and the sandbox: Kestrel on 127.0.0.1, one endpoint for both
/// services (STS at "/", EKS REST paths elsewhere), SigV4 verified on every call, judged by the real AWS
/// CLI v2 (<c>--endpoint-url</c>) and used by our Addons.Aws client (<c>AWS_ENDPOINT_URL</c>).
/// <code>
/// await using var aws = await AwsEmulator.StartAsync(new AwsEmulatorOptions { PageSize = 2 }, ct);
/// EksDemo.Seed(aws);                    // catalogs + a "demo" cluster with add-ons, node groups, insights
/// // AWS_ENDPOINT_URL=aws.Endpoint AWS_ACCESS_KEY_ID=aws.AccessKeyId AWS_SECRET_ACCESS_KEY=aws.SecretAccessKey
/// aws.Faults.Throttle("DescribeCluster", count: 2);
/// </code>
/// <para><b>Assumptions:</b> the model is seeded before clients run. <b>Caveats:</b> see the README's AWS section.</para>
/// </summary>
public sealed class AwsEmulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, AwsIdentity> _identities = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AwsRequest> _requests = new();
    private readonly ConcurrentQueue<string> _webIdentityTokens = new();
    private readonly AwsEmulatorOptions _options;
    private WebApplication? _app;
    private AwsApiHandler? _handler;

    private AwsEmulator(AwsEmulatorOptions options)
    {
        _options = options;
        AddIdentity(new AwsIdentity(options.AccessKeyId, options.SecretAccessKey, null, $"arn:aws:iam::{options.AccountId}:user/emulator-admin", "AIDAEMULATORADMIN0001", options.AccountId, null));
    }

    /// <summary>"http://127.0.0.1:PORT" — the endpoint of both EKS and STS; no trailing slash.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The region (ARNs, the CLI's --region).</summary>
    public string Region => _options.Region;

    /// <summary>The account of the built-in user.</summary>
    public string AccountId => _options.AccountId;

    /// <summary>Access key id of the built-in user.</summary>
    public string AccessKeyId => _options.AccessKeyId;

    /// <summary>Secret of the built-in user.</summary>
    public string SecretAccessKey => _options.SecretAccessKey;

    /// <summary>The options the emulator runs with.</summary>
    public AwsEmulatorOptions Options => _options;

    /// <summary>Clusters by name (seed before clients run).</summary>
    public ConcurrentDictionary<string, EmulatedCluster> Clusters { get; } = new(StringComparer.Ordinal);

    /// <summary>Kubernetes versions and add-on versions offered.</summary>
    public EksCatalog Catalog { get; } = new();

    /// <summary>Fault injection.</summary>
    public AwsFaults Faults { get; } = new();

    /// <summary>Role ARNs AssumeRole refuses with 403 AccessDenied.</summary>
    public ConcurrentDictionary<string, byte> DeniedRoleSet { get; } = new(StringComparer.Ordinal);

    /// <summary>When non-empty, the only web identity tokens AssumeRoleWithWebIdentity accepts.</summary>
    public HashSet<string> AcceptedWebIdentityTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Every web identity token exchanged so far, in order.</summary>
    public IReadOnlyList<string> WebIdentityTokensSeen => _webIdentityTokens.ToArray();

    /// <summary>Every request answered so far, in order of completion.</summary>
    public IReadOnlyList<AwsRequest> Requests => _requests.ToArray();

    internal ICollection<string> DeniedRoles => DeniedRoleSet.Keys;

    /// <summary>Starts listening; the emulator serves until disposed.</summary>
    public static async Task<AwsEmulator> StartAsync(AwsEmulatorOptions? options, CancellationToken ct)
    {
        options ??= new AwsEmulatorOptions();
        var emulator = new AwsEmulator(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        emulator._handler = new AwsApiHandler(emulator, options);
        app.Run(emulator._handler.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Endpoint = "http://127.0.0.1:" + new Uri(address).Port.ToString(CultureInfo.InvariantCulture);
        emulator._app = app;
        return emulator;
    }

    /// <summary>Adds a cluster (replacing one of the same name).</summary>
    public EmulatedCluster AddCluster(EmulatedCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Clusters[cluster.Name] = cluster;
        return cluster;
    }

    /// <summary>Makes a principal known (its keys then sign valid requests).</summary>
    public void AddIdentity(AwsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identities[identity.AccessKeyId] = identity;
    }

    /// <summary>The principal owning <paramref name="accessKeyId"/>, or null.</summary>
    public AwsIdentity? FindIdentity(string accessKeyId) => _identities.GetValueOrDefault(accessKeyId);

    /// <summary>The principal whose caller ARN is <paramref name="arn"/>, or null.</summary>
    public AwsIdentity? FindIdentityByArn(string arn) => _identities.Values.FirstOrDefault(i => i.Arn == arn);

    /// <summary>Finishes every update whose time has come (calls do this anyway; for tests that inspect the model directly).</summary>
    public void SettleUpdates() => _handler?.Eks.Settle();

    /// <summary>Empties the request log.</summary>
    public void ClearRequests() => _requests.Clear();

    internal void Record(AwsRequest request) => _requests.Enqueue(request);

    internal void RecordWebIdentityToken(string token) => _webIdentityTokens.Enqueue(token);

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
