using Addons.Kit.Controllers;
using Addons.Kit.Hosting;
using Addons.Kit.Kubernetes.Client;
using Addons.MinimalHost;

// The kit's minimal controller host: health, metrics, leader election and one watch (ConfigMaps).
var builder = AddonHost.CreateBuilder(args, "minimal-host").UseLeaderElection("minimal-host");
builder.AddController<k8s.Models.V1ConfigMap, NoopReconciler>(
    ResourceType.ConfigMap, MinimalJson.Default.V1ConfigMap, o => o.Namespace = builder.Configuration["Watch:Namespace"]);
return await builder.Build().RunAsync();
