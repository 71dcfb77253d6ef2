// The embedded default: `dotnet run --project shared/Addons.Sandbox [-- --port N] [--no-addons]`.
using Addons.Sandbox;

return await SandboxRunner.RunAsync(args);
