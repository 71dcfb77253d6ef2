using Addons.Kit.Versioning;

namespace Addons.Kit.Hosting;

/// <summary>
/// The entry point of every addon host. A whole <c>Program.cs</c>:
/// <code>
/// var builder = AddonHost.CreateBuilder(args, "cleaner");
/// builder.AddController&lt;V1ConfigMap, MyReconciler&gt;(ConfigMapType, MyJson.Default.V1ConfigMap);
/// return await builder.Build().RunAsync();
/// </code>
/// </summary>
public static class AddonHost
{
    /// <summary>
    /// Creates a builder with the kit's defaults: configuration from environment variables and
    /// command-line flags, Serilog, the probe and metrics listener, signal handling and the
    /// documented exit codes. Nothing starts until <see cref="AddonApplication.RunAsync"/>.
    /// </summary>
    /// <param name="args">The process arguments (<c>--version</c>, <c>--Section:Key=value</c>, short flags).</param>
    /// <param name="name">The addon's name: logs, metrics prefix, <c>--version</c>.</param>
    public static AddonHostBuilder CreateBuilder(string[] args, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new AddonHostBuilder(args, name, BuildInfo.FromEntryAssembly(name));
    }
}
