using Addons.Kit.Controllers;
using Addons.Kit.Health;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.LeaderElection;
using Addons.Kit.Logging;
using Addons.Kit.Metrics;
using Addons.Kit.Settings;
using Addons.Kit.Shutdown;
using Addons.Kit.Versioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;

namespace Addons.Kit.Hosting;

/// <summary>
/// Builds an addon host on <see cref="HostApplicationBuilder"/> without its defaults (no appsettings
/// files, file watchers or extra log providers: they cost idle memory we do not spend).
/// </summary>
public sealed class AddonHostBuilder
{
    private readonly HostApplicationBuilder _inner;
    private readonly Dictionary<Type, string> _sections = [];
    private bool _controllerHostAdded;

    internal AddonHostBuilder(ParsedSettings settings, BuildInfo buildInfo)
    {
        Name = settings.Program;
        BuildInfo = buildInfo;
        Settings = settings;
        _inner = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = Name,
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });

        // Lowest to highest: the addon's defaults for kit keys, Section__Key variables, flags and flat variables.
        _inner.Configuration.AddInMemoryCollection(settings.ConfigurationDefaults);
        _inner.Configuration.AddEnvironmentVariables();
        _inner.Configuration.AddInMemoryCollection(settings.Configuration);
        AddKitServices();
    }

    /// <summary>The addon's name.</summary>
    public string Name { get; }

    /// <summary>Version and commit of this binary.</summary>
    public BuildInfo BuildInfo { get; }

    /// <summary>The services; add the addon's own here.</summary>
    public IServiceCollection Services => _inner.Services;

    /// <summary>The configuration the kit's options bind from: <c>Section__Key</c> variables, then the kit flags.</summary>
    public IConfigurationManager Configuration => _inner.Configuration;

    /// <summary>What the command line and environment said: arguments, help, version, or an error.</summary>
    public ParsedSettings Settings { get; }

    internal IReadOnlyDictionary<Type, string> Sections => _sections;

    /// <summary>True once something registered needs the API server (a controller, or the addon said so).</summary>
    internal bool UsesKubernetes { get; private set; }

    /// <summary>Marks the addon as needing the API server: its connection is loaded (and validated) before start.</summary>
    public void RequireKubernetes() => UsesKubernetes = true;

    /// <summary>
    /// Names the configuration section of an options type for configuration error messages, when
    /// it is not the type name without its <c>Options</c> suffix.
    /// </summary>
    public void DescribeSection<TOptions>(string section) => _sections[typeof(TOptions)] = section;

    /// <summary>
    /// Turns leader election on by default with <paramref name="defaultLeaseName"/>; configuration
    /// (<c>LeaderElection:Enabled</c>, <c>LeaderElection:LeaseName</c>, ...) still overrides both.
    /// </summary>
    public AddonHostBuilder UseLeaderElection(string defaultLeaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultLeaseName);
        // Inserted first so environment variables and flags, added before, still win.
        ((IConfigurationBuilder)_inner.Configuration).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData =
            [
                new($"{LeaderElectionHostOptions.Section}:Enabled", "true"),
                new($"{LeaderElectionHostOptions.Section}:LeaseName", defaultLeaseName),
            ],
        });
        return this;
    }

    /// <summary>
    /// Sends log lines to stderr by default (<c>Logging:Output=stderr</c>): for a job whose stdout is its
    /// output, such as a report in JSON. Configuration (<c>--Logging:Output=stdout</c>) still overrides.
    /// </summary>
    public AddonHostBuilder LogToStandardError()
    {
        // Inserted first so environment variables and flags, added before, still win.
        ((IConfigurationBuilder)_inner.Configuration).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new($"{LoggingOptions.Section}:Output", "stderr")],
        });
        return this;
    }

    /// <summary>Finishes configuration; the host is built and started by <see cref="AddonApplication.RunAsync"/>.</summary>
    public AddonApplication Build() => new(this);

    internal IHost BuildHost() => _inner.Build();

    /// <summary>Registers the controller host once, after the probe listener so it stops before it.</summary>
    internal void AddControllerHost()
    {
        if (_controllerHostAdded)
        {
            return;
        }

        _controllerHostAdded = true;
        RequireKubernetes();
        Services.TryAddSingleton<ILeaderWork>(static provider =>
            provider.GetRequiredService<IOptions<LeaderElectionHostOptions>>().Value.Enabled
                ? new ElectedLeader(
                    provider.GetRequiredService<KubeApi>(), provider.GetRequiredService<IOptions<LeaderElectionHostOptions>>(),
                    provider.GetRequiredService<AddonExit>(), provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>())
                : new AlwaysLeader());
        Services.AddHostedService<ControllerHost>();
    }

    private void AddKitServices()
    {
        var services = _inner.Services;
        var configuration = _inner.Configuration;
        services.AddSingleton(BuildInfo);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LifecycleState>();
        services.AddSingleton<AddonExit>();
        services.AddSingleton<HealthRegistry>();

        services.AddOptionsWithValidateOnStart<LoggingOptions, LoggingOptionsValidator>().Bind(configuration.GetSection(LoggingOptions.Section));
        services.AddOptionsWithValidateOnStart<HealthOptions, HealthOptionsValidator>().Bind(configuration.GetSection(HealthOptions.Section));
        services.AddOptionsWithValidateOnStart<ShutdownOptions, ShutdownOptionsValidator>().Bind(configuration.GetSection(ShutdownOptions.Section));
        DescribeSection<LeaderElectionHostOptions>(LeaderElectionHostOptions.Section);
        services.AddOptionsWithValidateOnStart<LeaderElectionHostOptions, LeaderElectionHostOptionsValidator>()
            .Bind(configuration.GetSection(LeaderElectionHostOptions.Section));
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>(static (host, shutdown) =>
        {
            host.ShutdownTimeout = shutdown.Value.Timeout;
            host.ServicesStartConcurrently = false;
            // Reverse registration order is the documented stop order: workers, watches, lease, listener.
            host.ServicesStopConcurrently = false;
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });

        var addon = Name;
        services.AddSerilog(
            (provider, logger) => AddonLogging.Configure(
                logger, provider.GetRequiredService<IOptions<LoggingOptions>>().Value, addon, stdoutIsTerminal: !Console.IsOutputRedirected),
            preserveStaticLogger: true);

        KitMetrics.ConfigureDefaultRegistry();
        services.AddSingleton(Prometheus.Metrics.DefaultRegistry);

        services.Configure<KubernetesOptions>(configuration.GetSection(KubernetesOptions.Section));
        var userAgent = $"{Name}/{BuildInfo.Version}";
        services.TryAddSingleton(provider =>
        {
            // Created on first use: an addon without Kubernetes access never loads a kubeconfig.
            var options = provider.GetRequiredService<IOptions<KubernetesOptions>>().Value;
            return new KubeApi(
                KubeConnection.Load(options.Kubeconfig, options.Context),
                new KubeApiOptions { UserAgent = userAgent },
                provider.GetRequiredService<ILoggerFactory>(),
                provider.GetRequiredService<TimeProvider>());
        });

        services.AddSingleton<SignalLifetime>();
        services.AddSingleton<IHostLifetime>(static provider => provider.GetRequiredService<SignalLifetime>());

        // Registered first so it starts first and stops last: readiness stays answerable while stopping.
        services.AddSingleton<ProbeResponder>();
        services.AddSingleton<ProbeServer>();
        services.AddHostedService(static provider => provider.GetRequiredService<ProbeServer>());
        services.AddHostedService<StartupMemoryTrim>();
    }
}
