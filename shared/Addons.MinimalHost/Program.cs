using Addons.Kit.Hosting;

var builder = AddonHost.CreateBuilder(args, "minimal-host");
return await builder.Build().RunAsync();
