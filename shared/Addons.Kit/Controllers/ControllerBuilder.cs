using System.Text.Json.Serialization.Metadata;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

/// <summary>
/// Configures one controller registered with <c>AddController</c>: its secondary watches.
/// </summary>
/// <typeparam name="T">The primary (reconciled) kind.</typeparam>
public sealed class ControllerBuilder<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceType _type;
    private readonly JsonTypeInfo<T> _json;
    private readonly ControllerOptions _options;
    private readonly Func<IServiceProvider, IReconciler<T>> _reconciler;
    private readonly List<Func<IServiceProvider, Action<string>, IWatchSource>> _secondaries = [];
    private WatchCache<T>? _cache;

    internal ControllerBuilder(ResourceType type, JsonTypeInfo<T> json, ControllerOptions options, Func<IServiceProvider, IReconciler<T>> reconciler)
    {
        _type = type;
        _json = json;
        _options = options;
        _reconciler = reconciler;
    }

    /// <summary>The controller's name (the <c>controller</c> metric label).</summary>
    public string Name => _options.Name ?? _type.Kind.ToLowerInvariant();

    /// <summary>
    /// Watches <typeparamref name="TOwned"/> objects and reconciles their controlling owner of the
    /// primary kind (owner reference with <c>controller: true</c>), as controller-runtime's <c>Owns</c>.
    /// </summary>
    /// <param name="type">The owned kind.</param>
    /// <param name="json">Its source-generated JSON metadata.</param>
    /// <param name="options">What to watch; defaults to the controller's namespace and every object.</param>
    /// <param name="cache">Exposes this watch's cache to the reconciler (see <see cref="WatchCache{T}"/>).</param>
    public ControllerBuilder<T> Owns<TOwned>(ResourceType type, JsonTypeInfo<TOwned> json, WatcherOptions? options = null, WatchCache<TOwned>? cache = null)
        where TOwned : class, IKubernetesObject<V1ObjectMeta>
    {
        var owner = _type;
        return Watches(type, json, obj => OwnerMapping.ControllerOwners(obj, owner), options, cache);
    }

    /// <summary>Exposes the primary watch's cache to the reconciler (see <see cref="WatchCache{T}"/>).</summary>
    /// <param name="cache">The handle the reconciler reads through (register it in DI yourself).</param>
    public ControllerBuilder<T> CacheIn(WatchCache<T> cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        return this;
    }

    /// <summary>Watches <typeparamref name="TOther"/> objects and reconciles the keys <paramref name="map"/> returns for each change.</summary>
    /// <param name="type">The watched kind.</param>
    /// <param name="json">Its source-generated JSON metadata.</param>
    /// <param name="map">Keys of primary objects to reconcile when an object changes (called for the old and new state).</param>
    /// <param name="options">What to watch; defaults to the controller's namespace and every object.</param>
    /// <param name="cache">Exposes this watch's cache to the reconciler (see <see cref="WatchCache{T}"/>).</param>
    public ControllerBuilder<T> Watches<TOther>(
        ResourceType type, JsonTypeInfo<TOther> json, Func<TOther, IEnumerable<ObjectKey>> map, WatcherOptions? options = null, WatchCache<TOther>? cache = null)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(map);
        var watch = options ?? new WatcherOptions { Namespace = _options.Namespace };
        _secondaries.Add((services, enqueue) => CreateSecondary(services, type, json, map, watch, cache, enqueue));
        return this;
    }

    /// <summary>
    /// Watches <typeparamref name="TOther"/> objects whose resource type is found when the watch starts
    /// (<paramref name="resolveType"/>: the served version of a custom resource, from <c>ApiDiscovery</c>). A failed
    /// resolution is logged and retried with backoff; the controller stays unsynced (not ready) until it succeeds.
    /// </summary>
    /// <param name="resolveType">Finds the resource type; called (again after a failure) when the watch starts.</param>
    /// <param name="json">Its source-generated JSON metadata.</param>
    /// <param name="map">Keys of primary objects to reconcile when an object changes (called for the old and new state).</param>
    /// <param name="options">What to watch; defaults to the controller's namespace and every object.</param>
    /// <param name="cache">Exposes this watch's cache to the reconciler, attached once the type is resolved.</param>
    public ControllerBuilder<T> Watches<TOther>(
        Func<IServiceProvider, CancellationToken, Task<ResourceType>> resolveType,
        JsonTypeInfo<TOther> json,
        Func<TOther, IEnumerable<ObjectKey>> map,
        WatcherOptions? options = null,
        WatchCache<TOther>? cache = null)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(resolveType);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(map);
        var watch = options ?? new WatcherOptions { Namespace = _options.Namespace };
        _secondaries.Add((services, enqueue) =>
        {
            var loggers = services.GetRequiredService<ILoggerFactory>();
            var time = services.GetRequiredService<TimeProvider>();
            return new DeferredWatch<TOther>(
                cancellationToken => resolveType(services, cancellationToken),
                type => CreateSecondary(services, type, json, map, watch, cache, enqueue),
                time,
                loggers.CreateLogger<DeferredWatch<TOther>>());
        });
        return this;
    }

    /// <summary>Builds the controller and its watches (at host start).</summary>
    internal Controller<T> Create(IServiceProvider services)
    {
        var kube = services.GetRequiredService<KubeApi>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var watch = new WatcherOptions { Namespace = _options.Namespace, LabelSelector = _options.LabelSelector };
        var informer = new Informer<T>(kube.For(_type, _json), watch, loggers.CreateLogger<Informer<T>>(), time);
        _cache?.Attach(informer.Store);
        var primary = new InformerSource<T>(informer);
        Controller<T>? controller = null;
        // Secondary events arrive only once the watches run, after the controller exists.
        var secondaries = _secondaries.Select(create => create(services, key => controller!.Enqueue(key))).ToList();
        controller = new Controller<T>(
            Name, primary, secondaries, _reconciler(services), Store<T>.KeyOf, _options.MaxConcurrentReconciles, time,
            loggers.CreateLogger("Addons.Kit.Controllers.Controller." + Name))
        {
            StuckAfter = _options.StuckReconcileAfter,
        };
        return controller;
    }

    private static SecondaryWatch<TOther> CreateSecondary<TOther>(
        IServiceProvider services, ResourceType type, JsonTypeInfo<TOther> json, Func<TOther, IEnumerable<ObjectKey>> map,
        WatcherOptions watch, WatchCache<TOther>? cache, Action<string> enqueue)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        var kube = services.GetRequiredService<KubeApi>();
        var informer = new Informer<TOther>(
            kube.For(type, json), watch, services.GetRequiredService<ILoggerFactory>().CreateLogger<Informer<TOther>>(), services.GetRequiredService<TimeProvider>());
        cache?.Attach(informer.Store);
        return new SecondaryWatch<TOther>(informer, map, enqueue);
    }
}
