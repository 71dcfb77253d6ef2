using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;
using Addons.Kit.Testing.Emulator.Patching;
using Addons.Kit.Testing.Emulator.Selectors;
using Addons.Kit.Testing.Emulator.Store;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>The REST verbs on resources: get, list, create, update, patch, delete, deletecollection (watch is <see cref="WatchStreamer"/>).</summary>
internal sealed class ResourceHandler
{
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;

    public ResourceHandler(ObjectStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public async Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken ct)
    {
        var kind = request.Kind;
        var ns = request.Namespace ?? "";
        if (kind.Namespaced && request.Namespace is null && request.Verb is not ("list" or "watch" or "deletecollection"))
        {
            throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }

        if (request.Subresource is not null && (request.Subresource != "status" || !kind.HasStatus) && !(kind.Plural == "namespaces" && request.Subresource == "finalize"))
        {
            throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }

        var mode = request.Subresource is "status" or "finalize" ? WriteMode.Status : WriteMode.Main;
        var dryRun = context.Request.Query["dryRun"].Count > 0;
        switch (request.Verb)
        {
            case "get":
                await WriteObjectAsync(context, 200, _store.Get(kind, ns, request.Name!), kind, ct);
                break;
            case "list":
                await ListAsync(context, request, ct);
                break;
            case "create":
                {
                    var body = await HttpJson.ReadObjectAsync(context, ct);
                    var created = Write(context, dryRun, () => _store.Create(kind, ns, body, mode));
                    await WriteObjectAsync(context, 201, created, kind, ct);
                    break;
                }

            case "update":
                {
                    var body = await HttpJson.ReadObjectAsync(context, ct);
                    var updated = Write(context, dryRun, () => _store.Update(kind, ns, request.Name!, body, mode));
                    await WriteObjectAsync(context, 200, updated, kind, ct);
                    break;
                }

            case "patch":
                await PatchAsync(context, request, mode, dryRun, ct);
                break;
            case "delete":
                {
                    var options = await DeleteOptionsAsync(context, ct);
                    var deleted = Write(context, dryRun, () => _store.Delete(kind, ns, request.Name!, options));
                    await WriteObjectAsync(context, 200, deleted, kind, ct);
                    break;
                }

            case "deletecollection":
                {
                    var options = await DeleteOptionsAsync(context, ct);
                    var deleted = Write(context, dryRun, () => _store.DeleteCollection(kind, Query(context, request), options));
                    await WriteListAsync(context, kind, deleted, _store.ResourceVersion, null, null, ct);
                    break;
                }

            default:
                throw new ApiError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
        }
    }

    public static ListQuery Query(HttpContext context, ApiRequest request)
    {
        var q = context.Request.Query;
        var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
        return new ListQuery(request.Namespace, LabelSelector.Parse(q["labelSelector"]), FieldSelector.Parse(q["fieldSelector"]), limit, q["continue"])
        {
            View = EventConversion.Converts(request.Kind) ? EventConversion.ToEventsV1 : null,
        };
    }

    /// <summary>One client write: dry-run or not, under the request's fieldValidation; unknown-field warnings leave as Warning headers.</summary>
    private T Write<T>(HttpContext context, bool dryRun, Func<T> write)
    {
        var warnings = new List<string>();
        var validation = context.Request.Query["fieldValidation"].ToString() is { Length: > 0 } given ? given : null;
        var result = _store.WithFieldValidation(validation, warnings, () => dryRun ? _store.DryRun(write) : write());
        foreach (var warning in warnings.Distinct(StringComparer.Ordinal))
        {
            context.Response.Headers.Append("Warning", "299 - " + Schemas.SchemaValue.Quote(warning));
        }

        return result;
    }

    private async Task ListAsync(HttpContext context, ApiRequest request, CancellationToken ct)
    {
        var result = _store.List(request.Kind, Query(context, request));
        await WriteListAsync(context, request.Kind, result.Items, result.ResourceVersion, result.Continue, result.RemainingItemCount, ct);
    }

    private async Task WriteListAsync(HttpContext context, ResourceKind kind, IReadOnlyList<StoredObject> items, long rv, string? continueToken, long? remaining, CancellationToken ct)
    {
        var rvText = rv.ToString(CultureInfo.InvariantCulture);
        var accept = AcceptedShapeParser.Parse(context.Request.Headers.Accept.ToString());
        if (accept == AcceptedShape.Table)
        {
            var table = TableBuilder.Build(kind, items.Select(i => i.Object), rvText, continueToken, context.Request.Query["includeObject"].ToString(), _time.GetUtcNow());
            await HttpJson.WriteAsync(context, 200, table, ct);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", accept == AcceptedShape.PartialMetadata ? "PartialObjectMetadataList" : kind.ListKind);
            writer.WriteString("apiVersion", accept == AcceptedShape.PartialMetadata ? "meta.k8s.io/v1" : kind.ApiVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", rvText);
            if (continueToken is not null)
            {
                writer.WriteString("continue", continueToken);
            }

            if (remaining is { } count)
            {
                writer.WriteNumber("remainingItemCount", count);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                if (accept == AcceptedShape.PartialMetadata)
                {
                    TableBuilder.PartialMetadata(item.Object).WriteTo(writer);
                }
                else
                {
                    writer.WriteRawValue(HttpJson.Render(item, kind), skipInputValidation: true);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await HttpJson.WriteAsync(context, 200, buffer.WrittenSpan.ToArray(), ct);
    }

    private async Task WriteObjectAsync(HttpContext context, int status, StoredObject obj, ResourceKind kind, CancellationToken ct)
    {
        switch (AcceptedShapeParser.Parse(context.Request.Headers.Accept.ToString()))
        {
            case AcceptedShape.Table:
                await HttpJson.WriteAsync(context, status, TableBuilder.Build(kind, [obj.Object], null, null, context.Request.Query["includeObject"].ToString(), _time.GetUtcNow()), ct);
                break;
            case AcceptedShape.PartialMetadata:
                await HttpJson.WriteAsync(context, status, TableBuilder.PartialMetadata(obj.Object), ct);
                break;
            default:
                await HttpJson.WriteAsync(context, status, HttpJson.Render(obj, kind), ct);
                break;
        }
    }

    private async Task PatchAsync(HttpContext context, ApiRequest request, WriteMode mode, bool dryRun, CancellationToken ct)
    {
        var kind = request.Kind;
        var ns = request.Namespace ?? "";
        var contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        var text = await HttpJson.ReadTextAsync(context, ct);
        JsonNode? patch;
        try
        {
            patch = contentType == PatchTypes.Apply ? YamlJson.ParseOne(text) : JsonNode.Parse(text);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw ApiError.BadRequest("error decoding patch: " + e.Message);
        }

        StoredObject result;
        switch (contentType)
        {
            case PatchTypes.Merge:
                result = Write(context, dryRun, () => _store.Mutate(kind, ns, request.Name!, (current, _) =>
                    JsonMergePatch.Apply(current, patch) as JsonObject ?? throw ApiError.BadRequest("merge patch must be an object"), mode, createIfMissing: false));
                break;
            case PatchTypes.Json:
                var operations = patch as JsonArray ?? throw ApiError.BadRequest("json patch must be an array of operations");
                result = Write(context, dryRun, () => _store.Mutate(kind, ns, request.Name!, (current, _) => JsonPatch.Apply(current!, operations), mode, createIfMissing: false));
                break;
            case PatchTypes.Strategic:
                if (!kind.BuiltIn)
                {
                    throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {PatchTypes.Json}, {PatchTypes.Merge}, {PatchTypes.Apply}");
                }

                var smp = patch as JsonObject ?? throw ApiError.BadRequest("strategic merge patch must be an object");
                result = Write(context, dryRun, () => _store.Mutate(kind, ns, request.Name!, (current, _) => StrategicMergePatch.Merge(current!, smp, builtIn: true) ?? [], mode, createIfMissing: false));
                break;
            case PatchTypes.Apply:
                var manager = context.Request.Query["fieldManager"].ToString();
                if (manager.Length == 0)
                {
                    throw new ApiError(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
                }

                var applied = patch as JsonObject ?? throw ApiError.BadRequest("apply patch must be an object");
                result = Write(context, dryRun, () => _store.Mutate(kind, ns, request.Name!, (current, old) =>
                {
                    var previous = old is null ? null : _store.AppliedConfigs.GetValueOrDefault(Meta.Str(old.Object, "uid") ?? "")?.GetValueOrDefault(manager);
                    return ServerSideApply.Apply(current, applied, previous, kind.BuiltIn);
                }, mode, createIfMissing: mode == WriteMode.Main));
                if (!dryRun)
                {
                    _store.SetApplied(Meta.Str(result.Object, "uid") ?? "", manager, applied);
                }

                break;
            default:
                throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {PatchTypes.Json}, {PatchTypes.Merge}, {PatchTypes.Apply}, {PatchTypes.Strategic}");
        }

        await WriteObjectAsync(context, 200, result, kind, ct);
    }

    private static async Task<DeleteOptions> DeleteOptionsAsync(HttpContext context, CancellationToken ct)
    {
        var q = context.Request.Query;
        string? propagation = q["propagationPolicy"].Count > 0 ? q["propagationPolicy"].ToString() : null;
        if (q["orphanDependents"] == "true")
        {
            propagation = "Orphan";
        }

        string? uid = null, rv = null;
        var text = HttpJson.IsProtobuf(context) ? null : await HttpJson.ReadTextAsync(context, ct);
        var body = HttpJson.IsProtobuf(context) && context.Request.ContentLength is > 0 ? await HttpJson.ReadProtobufAsync(context, ct)
            : string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        if (body is not null)
        {
            propagation = body?["propagationPolicy"]?.ToString() ?? propagation;
            if (body?["orphanDependents"] is JsonValue orphan && orphan.TryGetValue(out bool isOrphan) && isOrphan)
            {
                propagation = "Orphan";
            }

            uid = body?["preconditions"]?["uid"]?.ToString();
            rv = body?["preconditions"]?["resourceVersion"]?.ToString();
        }

        return new DeleteOptions(uid, rv, propagation);
    }
}
