using System.Diagnostics.CodeAnalysis;
using Addons.Kit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Addons.Kit.Controllers;

/// <summary><c>AddLeaderWork</c>: registers leader-only work that is not a controller.</summary>
public static class LeaderServiceHostBuilderExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TService"/> (a singleton from DI) while this replica leads: started on
    /// election, cancelled on loss or stop, awaited before the watches stop and the lease is released
    /// (see <see cref="ILeaderService"/>).
    /// </summary>
    /// <param name="builder">The addon host builder.</param>
    /// <param name="name">A name for logs; the type name by default.</param>
    public static AddonHostBuilder AddLeaderWork<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>(
        this AddonHostBuilder builder, string? name = null)
        where TService : class, ILeaderService
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TService>();
        return builder.AddLeaderWork(name ?? typeof(TService).Name, static services => services.GetRequiredService<TService>());
    }

    /// <summary>Runs the service <paramref name="create"/> returns while this replica leads (see the generic overload).</summary>
    /// <param name="builder">The addon host builder.</param>
    /// <param name="name">A name for logs.</param>
    /// <param name="create">Creates the service when the host starts.</param>
    public static AddonHostBuilder AddLeaderWork(this AddonHostBuilder builder, string name, Func<IServiceProvider, ILeaderService> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        builder.Services.AddSingleton(new LeaderServiceRegistration(name, create));
        builder.AddControllerHost();
        return builder;
    }
}
