using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Aws.SigV4;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Aws;

/// <summary>
/// The request pipeline: route (STS at "/", EKS REST paths elsewhere) → latency → SigV4 check → injected
/// faults → operation → answer in the service's protocol → request log.
/// </summary>
internal sealed class AwsApiHandler(AwsEmulator emulator, AwsEmulatorOptions options)
{
    private readonly SigV4Verifier _verifier = new(emulator.FindIdentity, options.TimeProvider, options.MaxClockSkew);
    private readonly EksService _eks = new(emulator, options);
    private readonly StsService _sts = new(emulator, options);

    public EksService Eks => _eks;

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var path = request.Path.Value ?? "/";
        var isSts = path == "/";
        var service = isSts ? "sts" : "eks";
        var requestId = Guid.NewGuid().ToString();
        var json = !isSts || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        Dictionary<string, string> parameters = [];
        string operation;
        string[] args = [];
        if (isSts)
        {
            foreach (var (k, v) in CanonicalRequest.ParseQuery(request.QueryString.Value).Concat(FormPairs(request, body)))
            {
                parameters[k] = v;
            }

            operation = parameters.GetValueOrDefault("Action") ?? "Unknown";
        }
        else
        {
            (operation, args) = EksRoute.Match(request.Method, path);
        }

        var status = 200;
        string? code = null;
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        try
        {
            if (emulator.Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(emulator.Faults.Latency, ct);
            }

            AwsIdentity? caller = null;
            if (!(isSts && operation == "AssumeRoleWithWebIdentity"))
            {
                caller = _verifier.Verify(request, body, service);
            }

            if (emulator.Faults.Check(operation) is { } fault)
            {
                throw fault;
            }

            if (isSts)
            {
                var (contentType, text) = _sts.Handle(operation, parameters, caller, json, requestId);
                await WriteAsync(context, 200, contentType, text, ct);
            }
            else
            {
                if (operation == "Unknown")
                {
                    throw new AwsEmulatorError(404, "NotFoundException", $"No route for {request.Method} {path}");
                }

                var input = body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
                var result = _eks.Handle(operation, args, request.Query, input);
                await WriteAsync(context, 200, "application/json", result.ToJsonString(), ct);
            }
        }
        catch (AwsEmulatorError e)
        {
            status = e.Status;
            code = e.Code;
            if (e.RetryAfter is { } after)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            if (isSts)
            {
                var (contentType, text) = StsService.Error(e, json, requestId);
                await WriteAsync(context, e.Status, contentType, text, ct);
            }
            else
            {
                context.Response.Headers["x-amzn-ErrorType"] = e.Code;
                await WriteAsync(context, e.Status, "application/json", new JsonObject { ["message"] = e.Message }.ToJsonString(), ct);
            }
        }
        catch (JsonException e)
        {
            status = 400;
            code = "InvalidRequestException";
            context.Response.Headers["x-amzn-ErrorType"] = code;
            await WriteAsync(context, 400, "application/json", new JsonObject { ["message"] = "Malformed JSON body: " + e.Message }.ToJsonString(), ct);
        }

        emulator.Record(new AwsRequest(options.TimeProvider.GetUtcNow(), service, operation, request.Method, request.Path + request.QueryString, AccessKeyOf(request), status, code));
    }

    private static IEnumerable<KeyValuePair<string, string>> FormPairs(HttpRequest request, byte[] body) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? CanonicalRequest.ParseQuery(Encoding.UTF8.GetString(body).Replace('+', ' '))
            : [];

    private static string? AccessKeyOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var at = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (at >= 0)
        {
            return authorization[(at + "Credential=".Length)..].Split('/')[0];
        }

        return CanonicalRequest.ParseQuery(request.QueryString.Value).FirstOrDefault(p => p.Key == "X-Amz-Credential").Value?.Split('/')[0];
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string text, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text, ct);
    }
}
