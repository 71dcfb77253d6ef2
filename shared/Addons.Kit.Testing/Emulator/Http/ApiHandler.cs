using System.Text.Json;
using Addons.Kit.Testing.Emulator.Store;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>
/// The request pipeline, in the real server's order: (faults: pause, latency) → non-resource paths
/// (discovery, OpenAPI, health) → authentication → authorization (recorded) → injected errors → handler.
/// Every failure leaves as a <c>Status</c> body.
/// </summary>
internal sealed class ApiHandler
{
    private readonly ObjectStore _store;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorRbac _rbac;
    private readonly ResourceHandler _resources;
    private readonly WatchStreamer _watches;
    private readonly CancellationToken _stopping;

    public ApiHandler(ObjectStore store, EmulatorOptions options, EmulatorFaults faults, EmulatorRbac rbac, CancellationToken stopping)
    {
        _store = store;
        _faults = faults;
        _rbac = rbac;
        _stopping = stopping;
        _resources = new ResourceHandler(store, options.TimeProvider);
        _watches = new WatchStreamer(store, options, faults);
    }

    public string ServerAddress { get; set; } = "";

    public async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        var ct = linked.Token;
        try
        {
            await _faults.BeforeRequestAsync(ct);
            var path = context.Request.Path.Value ?? "/";
            if (NonResource(path) is { } document)
            {
                await HttpJson.WriteAsync(context, 200, document, ct);
                return;
            }

            if (path is "/healthz" or "/readyz" or "/livez")
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", ct);
                return;
            }

            var watch = context.Request.Query["watch"] is { Count: > 0 } w && w.ToString() is "true" or "1";
            var request = ApiRequest.Parse(context.Request.Method, path, watch, _store.Registry)
                ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource");
            var identity = await _rbac.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), ct);
            _rbac.Authorize(identity, request);
            if (_faults.Check(request) is { } fault)
            {
                throw fault;
            }

            if (_faults.CheckResponse(request) is { } canned)
            {
                await canned.WriteAsync(context, ct);
                return;
            }

            if (request.Kind.Virtual)
            {
                await AccessReviews.HandleAsync(context, request, identity, _rbac, ct);
            }
            else if (request.Verb == "watch")
            {
                await _watches.StreamAsync(context, request, ct);
            }
            else
            {
                await _resources.HandleAsync(context, request, ct);
            }
        }
        catch (ApiError e) when (!context.Response.HasStarted)
        {
            await HttpJson.WriteErrorAsync(context, e, ct);
        }
        catch (JsonException e) when (!context.Response.HasStarted)
        {
            await HttpJson.WriteErrorAsync(context, ApiError.BadRequest(e.Message), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Client went away or the emulator is stopping: nothing left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // A bug in the emulator must reach the test as a 500 naming the exception (the real server
            // turns a panic into a 500 too), not as a dropped connection.
            await HttpJson.WriteErrorAsync(context, new ApiError(500, "InternalError", "emulator failure: " + e), ct);
        }
    }

    private System.Text.Json.Nodes.JsonObject? NonResource(string path)
    {
        if (path.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return OpenApi.Document(path, _store.Registry) ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }

        var segments = path.Trim('/').Split('/');
        var isDiscovery = path == "/version" || segments is ["api"] or ["apis"] or ["api", _] or ["apis", _] or ["apis", _, _];
        return isDiscovery ? Discovery.Document(path, _store.Registry, ServerAddress) ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource") : null;
    }
}
