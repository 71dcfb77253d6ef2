using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator;

namespace Addons.Kit.Testing.Tests.Emulator;

/// <summary>A started emulator plus a plain HttpClient against it, bounded by a per-test timeout.</summary>
internal sealed class EmulatorClient : IAsyncDisposable
{
    private EmulatorClient(KubeApiEmulator api, CancellationTokenSource timeout)
    {
        Api = api;
        Timeout = timeout;
        Http = new HttpClient(api.CreateHttpHandler()) { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public KubeApiEmulator Api { get; }

    public HttpClient Http { get; }

    public CancellationTokenSource Timeout { get; }

    public CancellationToken Ct => Timeout.Token;

    public static async Task<EmulatorClient> StartAsync(EmulatorOptions? options = null, int timeoutSeconds = 30)
    {
        var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var api = await KubeApiEmulator.StartAsync(options ?? new EmulatorOptions(), timeout.Token);
        return new EmulatorClient(api, timeout);
    }

    public async Task<(HttpStatusCode Status, JsonObject? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    public Task<(HttpStatusCode Status, JsonObject? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Status, JsonObject? Body)> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Status, JsonObject? Body)> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<(HttpStatusCode Status, JsonObject? Body)> PatchAsync(string path, JsonNode body, string contentType) => SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<(HttpStatusCode Status, JsonObject? Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public static JsonObject ConfigMap(string name, string? ns = null, Dictionary<string, string>? labels = null, string data = "v")
    {
        var meta = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            meta["namespace"] = ns;
        }

        if (labels is not null)
        {
            meta["labels"] = new JsonObject(labels.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = meta, ["data"] = new JsonObject { ["k"] = data } };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.DisposeAsync();
        Timeout.Dispose();
    }
}
