using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Rbac;
using Addons.Kit.Testing.Emulator.Store;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>
/// SelfSubjectAccessReview / SubjectAccessReview (<c>kubectl auth can-i</c>, addons checking their own
/// permissions): answered from the same RBAC evaluation as real requests, never stored.
/// </summary>
internal static class AccessReviews
{
    public static async Task HandleAsync(HttpContext context, ApiRequest request, Identity caller, EmulatorRbac rbac, CancellationToken ct)
    {
        if (request.Verb != "create")
        {
            throw new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }

        var review = await HttpJson.ReadObjectAsync(context, ct);
        var spec = review["spec"] as JsonObject ?? [];
        var subject = caller;
        if (request.Kind.Plural == "subjectaccessreviews")
        {
            var groups = (spec["groups"] as JsonArray ?? []).Select(g => g?.ToString() ?? "").ToList();
            subject = new Identity(spec["user"]?.ToString() ?? "", groups);
        }

        bool allowed;
        if (spec["resourceAttributes"] is JsonObject attributes)
        {
            string? Attr(string name) => attributes[name]?.ToString() is { Length: > 0 } v ? v : null;
            allowed = rbac.Allows(subject, Attr("verb") ?? "", Attr("group") ?? "", Attr("resource") ?? "", Attr("subresource"), Attr("namespace"), Attr("name"));
        }
        else
        {
            // Non-resource URLs (/healthz, /version, ...) are open to every authenticated identity here.
            allowed = true;
        }

        review["status"] = new JsonObject { ["allowed"] = allowed, ["reason"] = allowed ? "allowed by emulator RBAC" : "" };
        review["apiVersion"] ??= request.Kind.ApiVersion;
        review["kind"] ??= request.Kind.Kind;
        await HttpJson.WriteAsync(context, 201, review, ct);
    }
}
