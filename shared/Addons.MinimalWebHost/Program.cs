using Addons.Kit.Controllers;
using Addons.Kit.Hosting;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Versioning;
using Addons.Kit.Web;
using Addons.MinimalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// The minimal host (health, metrics, leader election, one watch) plus the kit's web server with one API route.
var builder = AddonHost.CreateBuilder(args, "minimal-web-host").UseLeaderElection("minimal-web-host");
builder.AddController<k8s.Models.V1ConfigMap, NoopReconciler>(
    ResourceType.ConfigMap, MinimalJson.Default.V1ConfigMap, o => o.Namespace = builder.Configuration["Watch:Namespace"]);
builder.AddWebServer(static (routes, services) =>
{
    var build = services.GetRequiredService<BuildInfo>();
    routes.MapGet("/api/v1/version", () => Results.Text($$"""{"version":"{{build.Version}}","commit":"{{build.Commit}}"}""", "application/json"));
});
return await builder.Build().RunAsync();
