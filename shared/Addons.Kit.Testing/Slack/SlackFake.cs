using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Addons.Kit.Testing.Slack;

/// <summary>
/// A fake Slack for tests and the sandbox (real HTTP on 127.0.0.1): the Web API methods
/// <c>canvases.edit</c> and <c>chat.postMessage</c> under <see cref="ApiUrl"/> and incoming webhooks
/// under <see cref="WebhookUrl"/>. Answers like Slack (HTTP 200 with <c>ok:false</c> and an
/// <c>error</c> for API failures, 429 with <c>Retry-After</c> when rate limited), injects either on
/// demand, and records everything it received. <c>GET /canvases/{id}</c> shows a received canvas (the sandbox).
/// <code>
/// await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = "xoxb-1" }, ct);
/// slack.FailNext("canvas_not_found");   slack.RateLimitNext(1, TimeSpan.FromSeconds(1));
/// string? markdown = slack.CanvasMarkdown("F123");
/// </code>
/// </summary>
public sealed class SlackFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SlackFakeOptions _options;
    private readonly ConcurrentQueue<SlackRequest> _received = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentDictionary<string, string> _canvases = new(StringComparer.Ordinal);
    private int _rateLimited;
    private long _retryAfterSeconds = 1;

    private SlackFake(WebApplication app, SlackFakeOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The Web API root, like <c>https://slack.com/api</c>: <c>{ApiUrl}/canvases.edit</c>.</summary>
    public string ApiUrl => BaseUrl + "/api";

    /// <summary>An incoming-webhook URL, like <c>https://hooks.slack.com/services/T…/B…/…</c>.</summary>
    public string WebhookUrl => BaseUrl + "/services/T0000000/B0000000/fakewebhooksecret";

    /// <summary>Everything received, in order.</summary>
    public IReadOnlyList<SlackRequest> Received => _received.ToArray();

    /// <summary>Starts listening; serves until disposed.</summary>
    public static async Task<SlackFake> StartAsync(SlackFakeOptions? options, CancellationToken ct)
    {
        options ??= new SlackFakeOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        var fake = new SlackFake(app, options);
        app.Run(fake.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = "http://127.0.0.1:" + new Uri(address).Port.ToString(CultureInfo.InvariantCulture);
        return fake;
    }

    /// <summary>The next Web API call (or webhook post) fails with <paramref name="error"/> (<c>ok:false</c>; webhooks: 400 with the error as text).</summary>
    public void FailNext(string error) => _errors.Enqueue(error);

    /// <summary>The next <paramref name="count"/> requests get 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(int count, TimeSpan retryAfter)
    {
        Interlocked.Exchange(ref _retryAfterSeconds, (long)Math.Ceiling(retryAfter.TotalSeconds));
        Interlocked.Exchange(ref _rateLimited, count);
    }

    /// <summary>The Markdown a canvas holds after the last successful <c>canvases.edit</c> replace, or null.</summary>
    public string? CanvasMarkdown(string canvasId) => _canvases.GetValueOrDefault(canvasId);

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (HttpMethods.IsGet(request.Method) && path.StartsWith("/canvases/", StringComparison.Ordinal))
        {
            // Not Slack's API: lets a person (the sandbox's banner) read the canvas the fake received. Not recorded.
            var markdown = CanvasMarkdown(path["/canvases/".Length..]);
            context.Response.StatusCode = markdown is null ? 404 : 200;
            context.Response.ContentType = "text/markdown; charset=utf-8";
            await context.Response.WriteAsync(markdown ?? "no canvas received with this id\n", ct);
            return;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var json = TryParse(body);
        var auth = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var isWebhook = path.StartsWith("/services/", StringComparison.Ordinal);

        int status;
        string? error = null;
        if (TakeRateLimit())
        {
            status = 429;
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = Interlocked.Read(ref _retryAfterSeconds).ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync(isWebhook ? "rate_limited" : """{"ok":false,"error":"ratelimited"}""", ct);
        }
        else if (isWebhook)
        {
            error = _errors.TryDequeue(out var e) ? e : json?["text"] is null && json?["blocks"] is null ? "invalid_payload" : null;
            status = error is null ? 200 : 400;
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(error ?? "ok", ct);
        }
        else
        {
            status = 200;
            error = ApiError(path, auth, json);
            context.Response.ContentType = "application/json; charset=utf-8";
            var answer = error is null ? Success(path, json) : new JsonObject { ["ok"] = false, ["error"] = error };
            await context.Response.WriteAsync(answer.ToJsonString(), ct);
        }

        _received.Enqueue(new SlackRequest(path, auth, body, json, status, error));
    }

    private bool TakeRateLimit()
    {
        while (true)
        {
            var left = Volatile.Read(ref _rateLimited);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _rateLimited, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private string? ApiError(string path, string? auth, JsonNode? json)
    {
        if (_errors.TryDequeue(out var injected))
        {
            return injected;
        }

        if (auth is null || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "not_authed";
        }

        if (_options.Token is { } token && auth != "Bearer " + token)
        {
            return "invalid_auth";
        }

        switch (path)
        {
            case "/api/canvases.edit":
                var canvas = json?["canvas_id"]?.GetValue<string>();
                if (canvas is null)
                {
                    return "invalid_arguments";
                }

                if (_options.Canvases.Count > 0 && !_options.Canvases.Contains(canvas))
                {
                    return "canvas_not_found";
                }

                var change = json?["changes"]?[0];
                var markdown = change?["document_content"]?["markdown"]?.GetValue<string>();
                if (change?["operation"]?.GetValue<string>() != "replace" || markdown is null)
                {
                    return "invalid_arguments";
                }

                _canvases[canvas] = markdown;
                return null;
            case "/api/chat.postMessage":
                return json?["channel"] is null ? "channel_not_found" : null;
            default:
                return "unknown_method";
        }
    }

    private static JsonObject Success(string path, JsonNode? json) => path == "/api/chat.postMessage"
        ? new JsonObject { ["ok"] = true, ["channel"] = json?["channel"]?.DeepClone(), ["ts"] = "1700000000.000100" }
        : new JsonObject { ["ok"] = true };

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
