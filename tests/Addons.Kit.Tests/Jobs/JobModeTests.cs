using Addons.Kit.Hosting;
using Addons.Kit.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Addons.Kit.Tests.Jobs;

/// <summary>A whole addon host in job mode, in process: the job's result is the exit code.</summary>
public sealed class JobModeTests
{
    [Theory]
    [InlineData(JobResult.Succeeded, 0)]
    [InlineData(JobResult.Failed, 1)]
    [InlineData(JobResult.Partial, 3)]
    public async Task RunAsync_JobReturns_ExitCodeIsJobResult(JobResult result, int expected)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var builder = AddonHost.CreateBuilder(["--log-level=Warning"], "job-test");
        var script = new ScriptedJob.Script(_ => Task.FromResult(result));
        builder.Services.AddSingleton(script);
        builder.AddJob<ScriptedJob>();

        var code = await builder.Build().RunAsync(cts.Token);

        Assert.Equal(expected, code);
        Assert.Equal(1, script.Runs);
    }

    [Fact]
    public async Task RunAsync_JobThrows_Exits1()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var builder = AddonHost.CreateBuilder(["--log-level=Fatal"], "job-test");
        builder.Services.AddSingleton(new ScriptedJob.Script(_ => throw new InvalidOperationException("boom")));
        builder.AddJob<ScriptedJob>();

        Assert.Equal(1, await builder.Build().RunAsync(cts.Token));
    }

    [Fact]
    public async Task RunAsync_StoppedWhileJobRuns_JobCancelledAndExits1()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var cancelled = new TaskCompletionSource();
        var builder = AddonHost.CreateBuilder(["--log-level=Fatal"], "job-test");
        builder.Services.AddSingleton(new ScriptedJob.Script(async token =>
        {
            await stop.CancelAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                cancelled.SetResult();
            }

            return JobResult.Succeeded;
        }));
        builder.AddJob<ScriptedJob>();

        var code = await builder.Build().RunAsync(stop.Token);

        Assert.Equal(1, code);
        Assert.True(cancelled.Task.IsCompleted);
    }

    [Fact]
    public async Task AddJob_Default_ProbesOffUnlessConfigured()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var off = AddonHost.CreateBuilder(["--log-level=Warning"], "job-test");
        off.Services.AddSingleton(new ScriptedJob.Script(_ => Task.FromResult(JobResult.Succeeded)));
        off.AddJob<ScriptedJob>();
        var explicitPort = AddonHost.CreateBuilder(["--log-level=Warning", "--health-port=9999"], "job-test");
        explicitPort.Services.AddSingleton(new ScriptedJob.Script(_ => Task.FromResult(JobResult.Succeeded)));
        explicitPort.AddJob<ScriptedJob>();
        var keep = AddonHost.CreateBuilder(["--log-level=Warning"], "job-test");
        keep.Services.AddSingleton(new ScriptedJob.Script(_ => Task.FromResult(JobResult.Succeeded)));
        keep.AddJob<ScriptedJob>(probes: true);

        Assert.Equal(0, await off.Build().RunAsync(cts.Token));
        Assert.Equal("0", off.Configuration["Health:Port"]);
        Assert.Equal("9999", explicitPort.Configuration["Health:Port"]);
        Assert.Null(keep.Configuration["Health:Port"]);
    }
}

/// <summary>A job whose body the test supplies.</summary>
internal sealed class ScriptedJob(ScriptedJob.Script script) : IJob
{
    public Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref script.Runs);
        return script.Body(cancellationToken);
    }

    internal sealed class Script(Func<CancellationToken, Task<JobResult>> body)
    {
        public int Runs;

        public Func<CancellationToken, Task<JobResult>> Body => body;
    }
}
