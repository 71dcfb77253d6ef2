using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Tests.Emulator;

/// <summary>Reads a watch stream line by line with a plain HttpClient (no kit client involved).</summary>
internal sealed class WatchReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<WatchReader> OpenAsync(EmulatorClient e, string path)
    {
        var response = await e.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, e.Ct);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(e.Ct);
        return new WatchReader(response, new StreamReader(stream));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<(string Type, JsonObject Object)?> NextAsync(CancellationToken ct)
    {
        var line = await _reader.ReadLineAsync(ct);
        if (line is null)
        {
            return null;
        }

        var evt = JsonNode.Parse(line)!;
        return (evt["type"]!.ToString(), evt["object"]!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
