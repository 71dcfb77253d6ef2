using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Store;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>
/// Streams a watch as newline-delimited <c>{"type":..., "object":...}</c> frames. Headers go out at
/// once (clients wait for them before reading), bookmarks are queued periodically behind real events
/// so their resourceVersion never runs ahead of what was sent, and the stream ends on
/// <c>timeoutSeconds</c>, client disconnect, server stop or fault injection.
/// </summary>
internal sealed class WatchStreamer
{
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"type\":\"");
    private static readonly byte[] Middle = Encoding.UTF8.GetBytes("\",\"object\":");
    private static readonly byte[] Suffix = Encoding.UTF8.GetBytes("}\n");

    private readonly ObjectStore _store;
    private readonly EmulatorOptions _options;
    private readonly EmulatorFaults _faults;

    public WatchStreamer(ObjectStore store, EmulatorOptions options, EmulatorFaults faults)
    {
        _store = store;
        _options = options;
        _faults = faults;
    }

    public async Task StreamAsync(HttpContext context, ApiRequest request, CancellationToken ct)
    {
        var q = context.Request.Query;
        var bookmarks = q["allowWatchBookmarks"] == "true";
        var sendInitial = q["sendInitialEvents"] == "true";
        var table = AcceptedShapeParser.Parse(context.Request.Headers.Accept.ToString()) == AcceptedShape.Table;
        using var subscription = _store.Watch(request.Kind, ResourceHandler.Query(context, request), q["resourceVersion"], sendInitial, bookmarks, _faults.TakeForcedGone());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (int.TryParse(q["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = HttpJson.ContentType;
        await context.Response.StartAsync(ct);
        await context.Response.Body.FlushAsync(ct);

        using var bookmarkTimer = bookmarks ? new Timer(_ => _store.Bookmark(subscription, request.Kind), null, _options.BookmarkInterval, _options.BookmarkInterval) : null;
        var reader = subscription.Events.Reader;
        var body = context.Response.Body;
        var includeColumns = true;
        try
        {
            while (await reader.WaitToReadAsync(timeout.Token))
            {
                await _faults.WaitWhilePausedAsync(timeout.Token);
                while (reader.TryRead(out var change))
                {
                    await body.WriteAsync(Frame(change, request, table, ref includeColumns), timeout.Token);
                }

                await body.FlushAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // The watch ends normally on timeoutSeconds, client disconnect or server stop: the
            // client sees the stream close and re-watches from its last resourceVersion.
        }
    }

    /// <summary>One <c>{"type":..,"object":..}\n</c> line; shared by every watcher when the form is the stored one.</summary>
    private byte[] Frame(WatchEvent change, ApiRequest request, bool table, ref bool includeColumns)
    {
        var shareable = !table && change.Type is not (WatchEvent.Error or WatchEvent.Bookmark) && change.Object.ApiVersion == request.Kind.ApiVersion;
        if (shareable && change.Frame is { } cached)
        {
            return cached;
        }

        var type = Encoding.UTF8.GetBytes(change.Type);
        var obj = Render(change, request, table, ref includeColumns);
        var frame = new byte[Prefix.Length + type.Length + Middle.Length + obj.Length + Suffix.Length];
        var at = 0;
        foreach (var part in new[] { Prefix, type, Middle, obj, Suffix })
        {
            part.CopyTo(frame, at);
            at += part.Length;
        }

        if (shareable)
        {
            change.Frame = frame;
        }

        return frame;
    }

    private byte[] Render(WatchEvent change, ApiRequest request, bool table, ref bool includeColumns)
    {
        if (change.Type is WatchEvent.Error or WatchEvent.Bookmark)
        {
            if (change.InitialEventsEnd)
            {
                var bookmark = Meta.Clone(change.Object.Object);
                Meta.Of(bookmark)["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
                return JsonSerializer.SerializeToUtf8Bytes(bookmark, JsonContext.Default.JsonObject);
            }

            return change.Object.Json;
        }

        if (!table)
        {
            return HttpJson.Render(change.Object, request.Kind);
        }

        // Like the real server, only the first table in a watch carries column definitions.
        var rendered = TableBuilder.Build(request.Kind, [change.Object.Object], null, null, IncludeObject, _options.TimeProvider.GetUtcNow(), includeColumns);
        includeColumns = false;
        return JsonSerializer.SerializeToUtf8Bytes(rendered, JsonContext.Default.JsonObject);
    }

    private const string IncludeObject = "Metadata";
}
