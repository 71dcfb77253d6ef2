using System.Runtime.InteropServices;
using Addons.Kit.Testing.Crds;
using Addons.Kit.Testing.Emulator;
using Addons.Sandbox.Plugins;

namespace Addons.Sandbox;

/// <summary>
/// Starts the emulator on a fixed loopback port, writes <c>.sandbox/kubeconfig</c>, installs CRDs and demo
/// objects, starts every built addon against it, and on Ctrl+C (or SIGTERM) stops the addons gracefully
/// before the emulator.
/// </summary>
internal static class SandboxRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = SandboxOptions.Parse(args, RepoLayout.Root, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"sandbox: {error}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        Directory.CreateDirectory(options.StateDirectory);
        KubeApiEmulator api;
        try
        {
            api = await KubeApiEmulator.StartAsync(new EmulatorOptions { Port = options.Port }, stop.Token);
        }
        catch (IOException e)
        {
            // Kestrel reports a taken port as an IOException; say which port and how to pick another.
            await Console.Error.WriteLineAsync($"sandbox: cannot listen on 127.0.0.1:{options.Port} ({e.Message}); stop the other sandbox or pass --port <1-65535>");
            return 1;
        }
        await using var _ = api;
        AwsSandbox aws;
        try
        {
            aws = await AwsSandbox.StartAsync(api, options.Port == 65535 ? 0 : options.Port + 1, stop.Token);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"sandbox: cannot listen on 127.0.0.1:{options.Port + 1} for the EKS/STS emulator ({e.Message}); stop the other sandbox or pass --port <1-65535>");
            return 1;
        }
        await using var __ = aws;
        var context = new SandboxContext(RepoLayout.Root, options.StateDirectory,
            Path.Combine(options.StateDirectory, "kubeconfig"), new Uri(api.BaseUrl));
        api.WriteKubeconfig(context.KubeconfigPath);

        await SeedAsync(api, context, stop.Token);

        var running = new List<AddonProcess>();
        try
        {
            if (options.StartAddons)
            {
                await StartAddonsAsync(context, running, stop.Token);
            }
            Banner.Print(context, running, aws);
            await WaitAsync(context, running, stop.Token);
        }
        finally
        {
            Console.WriteLine("sandbox: stopping addons...");
            foreach (var process in running)
            {
                await process.DisposeAsync();
                Console.WriteLine($"sandbox: {process.Name} exited with code {process.ExitCode}");
            }
        }
        Console.WriteLine("sandbox: stopped");
        return 0;
    }

    private static async Task SeedAsync(KubeApiEmulator api, SandboxContext context, CancellationToken cancellationToken)
    {
        var sandboxDir = Path.Combine(context.RepoRoot, "shared", "Addons.Sandbox");
        var files = KarpenterCrds.CurrentFiles(context.RepoRoot)
            .Concat(Directory.GetFiles(Path.Combine(sandboxDir, "crds"), "*.yaml").Order(StringComparer.Ordinal))
            .Concat(SandboxAddons.All.SelectMany(a => a.SeedFiles(context)).Where(f => f.Contains("/crds/", StringComparison.Ordinal)))
            .Concat(Directory.GetFiles(Path.Combine(sandboxDir, "seed"), "*.yaml").Order(StringComparer.Ordinal))
            .Concat(SandboxAddons.All.SelectMany(a => a.SeedFiles(context)).Where(f => !f.Contains("/crds/", StringComparison.Ordinal)));
        foreach (var file in files)
        {
            await api.ApplyYamlAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
        }
    }

    private static async Task StartAddonsAsync(SandboxContext context, List<AddonProcess> running, CancellationToken cancellationToken)
    {
        foreach (var addon in SandboxAddons.All)
        {
            var start = await addon.PrepareAsync(context, cancellationToken);
            if (start is null)
            {
                Console.WriteLine($"sandbox: {addon.Name} is not built; skipped (dotnet build addons/{addon.Name})");
                continue;
            }
            running.Add(AddonProcess.Start(addon.Name, start, Path.Combine(context.StateDirectory, "logs", addon.Name + ".log")));
        }
    }

    /// <summary>Waits for the stop signal; reports an addon that exits on its own instead of hiding it.</summary>
    private static async Task WaitAsync(SandboxContext context, List<AddonProcess> running, CancellationToken stop)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        while (!stop.IsCancellationRequested)
        {
            foreach (var process in running.Where(p => p.HasExited && reported.Add(p.Name)))
            {
                await Console.Error.WriteLineAsync($"sandbox: {process.Name} exited with code {process.ExitCode}; see {context.ForShell(process.LogPath)}");
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
