using Addons.Gss.Configuration;
using Addons.Gss.Service;
using Addons.Kit.Hosting;
using Addons.Kit.Http;
using Addons.Kit.Jobs;

// A kit job: settings (exit 2 before any network call), one scan, exit 0/1/3 (README: exit codes).
var builder = AddonHost.CreateBuilder(args, GssSettings.Definition);
builder.LogToStandardError();
builder.Services.AddOutboundHttp();
builder.AddJob<ScanJob>();
return await builder.Build().RunAsync();
