using Addons.Cleaner.Configuration;
using Addons.Cleaner.Service;
using Addons.Kit.Hosting;

// The original's flags and environment variables (CleanerSettings), the kit's host, the cleaning service.
var builder = AddonHost.CreateBuilder(args, CleanerSettings.Definition);
builder.Services.AddCleaner();
return await builder.Build().RunAsync();
