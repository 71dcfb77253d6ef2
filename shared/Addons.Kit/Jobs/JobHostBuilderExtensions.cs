using System.Diagnostics.CodeAnalysis;
using Addons.Kit.Health;
using Addons.Kit.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Addons.Kit.Jobs;

/// <summary><c>AddJob</c>: turns the addon host into a run-once job.</summary>
public static class JobHostBuilderExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> (a singleton from DI) once after start, then stops: the process exits
    /// with the job's <see cref="JobResult"/> (0 ok, 1 failed, 3 partial); 2 stays "configuration error"
    /// (nothing ran). SIGTERM cancels the job's token; a job stopped before it finished exits 1.
    /// </summary>
    /// <param name="builder">The addon host builder.</param>
    /// <param name="probes">
    /// Keep the probe and metrics listener (<c>Health:Port</c>). Off by default: a CronJob pod is not probed
    /// or scraped. Configuration (<c>--health-port</c>, <c>Health__Port</c>) still overrides.
    /// </param>
    public static AddonHostBuilder AddJob<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TJob>(
        this AddonHostBuilder builder, bool probes = false)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!probes)
        {
            // Inserted first so environment variables and flags, added before, still win.
            ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = [new($"{HealthOptions.Section}:Port", "0")],
            });
        }

        builder.Services.AddSingleton<IJob, TJob>();
        builder.Services.AddHostedService<JobRunner>();
        return builder;
    }
}
