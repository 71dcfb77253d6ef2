// The embedded default: `dotnet run --project shared/Addons.Sandbox [-- --port N] [--no-addons] [--state-dir DIR] [--keep-state]`.
using Addons.Sandbox;

return await SandboxRunner.RunAsync(args);
