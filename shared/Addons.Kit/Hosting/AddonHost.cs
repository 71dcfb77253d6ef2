using System.Diagnostics.CodeAnalysis;
using Addons.Kit.Settings;
using Addons.Kit.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Hosting;

/// <summary>
/// The entry point of every addon host. A whole <c>Program.cs</c>:
/// <code>
/// var builder = AddonHost.CreateBuilder(args, MySettings.Definition); // or (args, "name"): kit flags only
/// builder.AddController&lt;V1ConfigMap, MyReconciler&gt;(ConfigMapType, MyJson.Default.V1ConfigMap);
/// return await builder.Build().RunAsync();
/// </code>
/// </summary>
public static class AddonHost
{
    /// <summary>
    /// Creates a builder with the kit's defaults and every kit flag (<see cref="KitSettings.All"/>):
    /// configuration from flags and environment variables, Serilog, the probe and metrics listener,
    /// signal handling and the documented exit codes. Nothing starts until <see cref="AddonApplication.RunAsync"/>.
    /// </summary>
    /// <param name="args">The process arguments (<c>--version</c>, <c>--help</c>, kit flags, <c>--Section:Key=value</c>).</param>
    /// <param name="name">The addon's name: logs, metrics prefix, <c>--version</c>.</param>
    public static AddonHostBuilder CreateBuilder(string[] args, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CreateBuilder(args, new AddonSettings<NoAddonOptions>(name, string.Empty) { KitSettings.All });
    }

    /// <summary>
    /// Creates a builder that reads <paramref name="settings"/> (the addon's flags and flat environment
    /// variables) from <paramref name="args"/> and the process environment. The parsed options are a
    /// singleton (<typeparamref name="TOptions"/> and <c>IOptions&lt;TOptions&gt;</c>); a bad value, <c>--help</c>
    /// and <c>--version</c> are answered by <see cref="AddonApplication.RunAsync"/> before anything starts.
    /// </summary>
    public static AddonHostBuilder CreateBuilder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(string[] args, AddonSettings<TOptions> settings)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        return CreateBuilder(settings.Parse(args));
    }

    /// <summary>Creates a builder from settings already parsed (a CLI that runs a host for one of its commands).</summary>
    public static AddonHostBuilder CreateBuilder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(ParsedSettings<TOptions> settings)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new AddonHostBuilder(settings, BuildInfo.FromEntryAssembly(settings.Program));
        builder.Services.AddSingleton(settings.Options);
        builder.Services.AddSingleton(Options.Create(settings.Options));
        return builder;
    }
}
