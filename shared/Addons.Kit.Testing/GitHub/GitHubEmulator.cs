using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Addons.Kit.Testing.GitHub;

/// <summary>
/// An in-process GitHub Enterprise Server REST API for tests, benchmarks and the sandbox: Kestrel on
/// 127.0.0.1, judged by the real <c>@octokit/rest</c> client. Serves <c>/meta</c>, org repositories,
/// Actions workflows and runs, contents (base64), commits by path and users, with <c>Link</c>
/// pagination, <c>X-RateLimit-*</c> headers and a budget, ETag/304, latency and fault injection and a
/// request log.
/// <code>
/// await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { MaxPerPage = 5 }, ct);
/// GitHubOrgGenerator.Populate(github, "acme", repositories: 900, seed: 1);
/// // point the client at github.ApiUrl ("http://127.0.0.1:PORT/api/v3")
/// </code>
/// <para><b>Assumptions:</b> organizations and users are seeded before clients run (the model is not
/// locked against concurrent edits). <b>Caveats:</b> read-only (GET) API; no GraphQL.</para>
/// </summary>
public sealed class GitHubEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, GitHubOrganization> _orgs = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<GitHubRequest> _requests = new();

    private GitHubEmulator(WebApplication app, GitHubEmulatorOptions options)
    {
        _app = app;
        RateLimit = new GitHubRateLimit(options.RateLimit, options.RateLimitWindow, options.TimeProvider);
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, the web root (html URLs); no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary><c>http://127.0.0.1:PORT/api/v3</c>, the REST API root of a GitHub Enterprise Server.</summary>
    public string ApiUrl => BaseUrl + "/api/v3";

    /// <summary>Latency and injected errors.</summary>
    public GitHubFaults Faults { get; } = new();

    /// <summary>The primary rate limit.</summary>
    public GitHubRateLimit RateLimit { get; }

    /// <summary>Every request answered so far, in order of completion.</summary>
    public IReadOnlyList<GitHubRequest> Requests => _requests.ToArray();

    /// <summary>How many requests were answered so far.</summary>
    public int RequestCount => _requests.Count;

    /// <summary>Starts listening; the emulator serves until disposed.</summary>
    public static async Task<GitHubEmulator> StartAsync(GitHubEmulatorOptions? options, CancellationToken ct)
    {
        options ??= new GitHubEmulatorOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        var emulator = new GitHubEmulator(app, options);
        var handler = new GitHubApiHandler(emulator, options);
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = "http://127.0.0.1:" + new Uri(address).Port.ToString(CultureInfo.InvariantCulture);
        return emulator;
    }

    /// <summary>Adds (or returns the existing) organization.</summary>
    public GitHubOrganization AddOrganization(string login) => _orgs.GetOrAdd(login, l => new GitHubOrganization(l));

    /// <summary>The organization, or null.</summary>
    public GitHubOrganization? FindOrganization(string login) => _orgs.GetValueOrDefault(login);

    /// <summary>Makes <paramref name="login"/> an existing account (<c>GET /users/{login}</c> → 200).</summary>
    public void AddUser(string login) => _users[login] = 0;

    /// <summary>Deletes an account (<c>GET /users/{login}</c> → 404).</summary>
    public void RemoveUser(string login) => _users.TryRemove(login, out _);

    /// <summary>Whether the account exists.</summary>
    public bool IsActiveUser(string login) => _users.ContainsKey(login);

    /// <summary>Empties the request log.</summary>
    public void ClearRequests() => _requests.Clear();

    internal void Record(GitHubRequest request) => _requests.Enqueue(request);

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
