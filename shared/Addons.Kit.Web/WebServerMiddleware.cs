using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Web;

/// <summary>
/// Runs around every request after routing: records the request metrics under the matched route template, turns
/// an unhandled exception into a JSON 500 (the exception to the log, never to the client) and a body over the
/// limit into a JSON 413.
/// </summary>
internal sealed partial class WebServerMiddleware(RequestDelegate next, ILogger<WebServerMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel's own request errors (a body over MaxRequestBodySize is 413, a malformed one 400).
            await JsonError.WriteAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request body too large" : "bad request");
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.Unhandled(logger, e, context.Request.Method, Route(context));
            await JsonError.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal error");
        }
        finally
        {
            var route = Route(context);
            var method = WebServerMetrics.Method(context.Request.Method);
            WebServerMetrics.Requests.WithLabels(method, route, StatusLabel(context.Response.StatusCode)).Inc();
            WebServerMetrics.Duration.WithLabels(method, route).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static string Route(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } text } ? text : WebServerMetrics.UnmatchedRoute;

    private static string StatusLabel(int status) => status is >= 100 and <= 599 ? StatusCodeLabels.Of(status) : "other";
}
