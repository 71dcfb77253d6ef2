using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Addons.Kit.Controllers;
using Addons.Kit.Kubernetes.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Addons.Kit.Hosting;

/// <summary><c>AddController</c>: registers a controller with the addon host.</summary>
public static class ControllerHostBuilderExtensions
{
    /// <summary>
    /// Registers a controller that watches <typeparamref name="T"/> and reconciles it with
    /// <typeparamref name="TReconciler"/> (a singleton from DI; thread-safe if
    /// <see cref="ControllerOptions.MaxConcurrentReconciles"/> &gt; 1). Controllers are leader-only
    /// work when leader election is enabled.
    /// </summary>
    /// <param name="builder">The addon host builder.</param>
    /// <param name="type">The watched kind.</param>
    /// <param name="json">Its source-generated JSON metadata.</param>
    /// <param name="configure">Name, concurrency, namespace and label selector.</param>
    public static ControllerBuilder<T> AddController<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(
        this AddonHostBuilder builder, ResourceType type, JsonTypeInfo<T> json, Action<ControllerOptions>? configure = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
        where TReconciler : class, IReconciler<T>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        var options = new ControllerOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxConcurrentReconciles);

        builder.Services.TryAddSingleton<TReconciler>();
        var controller = new ControllerBuilder<T>(type, json, options, static services => services.GetRequiredService<TReconciler>());
        builder.Services.AddSingleton(new ControllerRegistration(controller.Name, controller.Create));
        builder.AddControllerHost();
        return controller;
    }
}
