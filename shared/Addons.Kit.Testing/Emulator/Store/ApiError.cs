using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// A failure the API reports as a <c>Status</c> body (reason, code, details) — the shape client-go and
/// kubectl parse into their typed errors (IsNotFound, IsConflict, ...).
/// </summary>
internal sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, ResourceKind? kind = null, string? name = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Kind = kind;
        Name = name;
    }

    public ApiError()
        : this(500, "InternalError", "internal error")
    {
    }

    public ApiError(string message)
        : this(500, "InternalError", message)
    {
    }

    public ApiError(string message, Exception inner)
        : base(message, inner)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public int Code { get; }

    public string Reason { get; }

    public ResourceKind? Kind { get; }

    public string? Name { get; }

    /// <summary>Seconds a client should wait (429/503), sent as Retry-After and details.retryAfterSeconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static ApiError NotFound(ResourceKind kind, string name) =>
        new(404, "NotFound", $"{kind} \"{name}\" not found", kind, name);

    public static ApiError AlreadyExists(ResourceKind kind, string name) =>
        new(409, "AlreadyExists", $"{kind} \"{name}\" already exists", kind, name);

    public static ApiError Conflict(ResourceKind kind, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {kind} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", kind, name);

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Invalid(ResourceKind kind, string name, string message) =>
        new(422, "Invalid", $"{kind.Kind} \"{name}\" is invalid: {message}", kind, name);

    /// <summary>The real server's 422 for field errors: "Kind.group \"name\" is invalid: field: message" (bracketed list when several), causes in details.</summary>
    public static ApiError Invalid(ResourceKind kind, string name, IReadOnlyList<Schemas.FieldCause> causes)
    {
        var qualified = kind.Group.Length == 0 ? kind.Kind : kind.Kind + "." + kind.Group;
        var list = causes.Count == 1 ? causes[0].ToString() : "[" + string.Join(", ", causes) + "]";
        return new ApiError(422, "Invalid", $"{qualified} \"{name}\" is invalid: {list}", kind, name) { Causes = causes, DetailsKind = kind.Kind };
    }

    /// <summary>Field errors listed as <c>details.causes</c>.</summary>
    public IReadOnlyList<Schemas.FieldCause> Causes { get; init; } = [];

    /// <summary>details.kind when it is the Kind (Invalid) rather than the resource (NotFound, Conflict).</summary>
    public string? DetailsKind { get; init; }

    public static ApiError Gone(string message) => new(410, "Expired", message);

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
            ["code"] = Code,
        };
        if (Kind is not null || RetryAfterSeconds is not null)
        {
            var details = new JsonObject();
            if (Name is not null)
            {
                details["name"] = Name;
            }

            if (Kind is not null)
            {
                details["group"] = Kind.Group;
                details["kind"] = DetailsKind ?? Kind.Plural;
            }

            if (Causes.Count > 0)
            {
                details["causes"] = new JsonArray(Causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.Reason,
                    ["message"] = c.Message,
                    ["field"] = c.Field,
                }).ToArray());
            }

            if (RetryAfterSeconds is { } retry)
            {
                details["retryAfterSeconds"] = retry;
            }

            status["details"] = details;
        }

        return status;
    }
}
