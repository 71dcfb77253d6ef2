using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Addons.Kit.Testing;
using Addons.Kit.Testing.Crds;
using Addons.Kit.Testing.Emulator;
using Addons.Sandbox.Plugins;

namespace Addons.Sandbox;

/// <summary>
/// Starts the emulator (HTTPS, bearer token, workload and Karpenter simulators) on the given loopback port, writes the
/// kubeconfig, installs CRDs and demo objects, starts every built addon on ports of its own, waits until
/// each addon's readiness endpoint answers 200 (a run-once addon, such as gss, runs to completion instead and its
/// report is printed), then prints the banner. An addon that exits or never gets
/// ready stops the sandbox with exit code 1. On Ctrl+C (or SIGTERM) the addons stop gracefully before the emulator.
/// </summary>
internal static class SandboxRunner
{
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan JobBound = TimeSpan.FromSeconds(120);

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

        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.StateDirectory);
        var (kubectl, toolsProblem) = await KubeToolsInstaller.EnsureAsync(RepoLayout.Root, stop.Token);
        Console.WriteLine($"sandbox: starting the Kubernetes API emulator on https://127.0.0.1:{options.Port}");
        AwsSandbox? eks = null;
        KubeApiEmulator api;
        try
        {
            api = await KubeApiEmulator.StartAsync(new EmulatorOptions
            {
                Port = options.Port,
                Https = true,
                StateFile = options.KeepState ? options.StateFile : null,
                AdminToken = "sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                // Nodes run the demo EKS cluster's version; Karpenter launches at its current version (AMI alias @latest).
                Workloads = new WorkloadSimulation { Nodes = [], KubeletVersion = AwsSandbox.KubeletVersionFor(AwsSandbox.InitialVersion) },
                Karpenter = new KarpenterSimulation { KubeletVersionSource = () => eks?.KubeletVersion ?? AwsSandbox.KubeletVersionFor(AwsSandbox.InitialVersion) },
            }, stop.Token);
        }
        catch (IOException e)
        {
            // Kestrel reports a taken port as an IOException; say which port and how to pick another.
            await Console.Error.WriteLineAsync($"sandbox: cannot listen on 127.0.0.1:{options.Port} ({e.Message}); stop the other sandbox or pass --port <1-65535>");
            return 1;
        }
        catch (InvalidDataException e)
        {
            // A kept cluster that cannot be read is not thrown away silently: the user decides.
            await Console.Error.WriteLineAsync($"sandbox: {e.Message}; delete that file to start fresh, or run without --keep-state");
            return 1;
        }
        await using var _ = api;
        AwsSandbox aws;
        try
        {
            aws = await AwsSandbox.StartAsync(api, options.Port == 65535 ? 0 : options.Port + 1, stop.Token);
            eks = aws;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"sandbox: cannot listen on 127.0.0.1:{options.Port + 1} for the EKS/STS emulator ({e.Message}); stop the other sandbox or pass --port <1-65535>");
            return 1;
        }
        await using var __ = aws;
        var context = new SandboxContext(RepoLayout.Root, options.StateDirectory, Path.Combine(options.StateDirectory, "kubeconfig"), new Uri(api.BaseUrl))
        {
            Ports = AssignPorts(options.Port),
            Kubectl = kubectl ?? "kubectl",
        };
        api.WriteKubeconfig(context.KubeconfigPath);

        if (api.Restored)
        {
            // The kept cluster as it was left; CRDs are re-applied from the checkout so schema changes reach it.
            var crds = await SeedAsync(api, context, crdsOnly: true, stop.Token);
            Console.WriteLine($"sandbox: restored the cluster from {context.ForShell(options.StateFile)} (resourceVersion {api.ResourceVersion}; {crds} CRDs re-applied; --keep-state)");
        }
        else
        {
            var seeded = await SeedAsync(api, context, crdsOnly: false, stop.Token);
            Console.WriteLine($"sandbox: seeded {seeded} objects ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        var keeper = options.KeepState ? new StateKeeper(api, context.ForShell(options.StateFile)) : null;

        var running = new List<AddonProcess>();
        var jobs = new Dictionary<string, int>(StringComparer.Ordinal);
        var exitCode = 0;
        try
        {
            if (options.StartAddons)
            {
                await StartAddonsAsync(context, running, jobs, stop.Token);
                if (!await WaitReadyAsync(context, running, stop.Token))
                {
                    exitCode = 1;
                    return exitCode;
                }
            }
            Console.WriteLine($"sandbox: ready in {clock.Elapsed.TotalSeconds:F1} s");
            Banner.Print(context, running, jobs, aws, toolsProblem);
            exitCode = await WaitAsync(context, running, keeper, stop.Token);
        }
        finally
        {
            Console.WriteLine("sandbox: stopping addons...");
            foreach (var process in running)
            {
                await process.DisposeAsync();
                Console.WriteLine($"sandbox: {process.Name} exited with code {process.ExitCode}");
            }
            foreach (var addon in SandboxAddons.All.OfType<IAsyncDisposable>())
            {
                // Plug-ins that started emulators of their own (gss: GitHub, Slack) stop them last.
                await addon.DisposeAsync();
            }
            if (keeper is not null)
            {
                await keeper.SaveAsync(force: true, CancellationToken.None);
            }
            Console.WriteLine("sandbox: stopped");
        }
        return exitCode;
    }

    /// <summary>
    /// port+2, port+3, ... per addon (port+1 is the EKS/STS emulator's), or a free port when that one is taken;
    /// never shared with another sandbox.
    /// </summary>
    private static Dictionary<string, int> AssignPorts(int apiPort)
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidate = apiPort + 1;
        foreach (var addon in SandboxAddons.All)
        {
            candidate++;
            ports[addon.Name] = candidate <= 65535 && LoopbackPorts.IsFree(candidate) ? candidate : LoopbackPorts.Free();
        }
        return ports;
    }

    private static async Task<int> SeedAsync(KubeApiEmulator api, SandboxContext context, bool crdsOnly, CancellationToken cancellationToken)
    {
        var sandboxDir = Path.Combine(context.RepoRoot, "shared", "Addons.Sandbox");
        var files = KarpenterCrds.CurrentFiles(context.RepoRoot)
            .Concat(Directory.GetFiles(Path.Combine(sandboxDir, "crds"), "*.yaml").Order(StringComparer.Ordinal))
            .Concat(SandboxAddons.All.SelectMany(a => a.SeedFiles(context)).Where(f => f.Contains("/crds/", StringComparison.Ordinal)))
            .Concat(crdsOnly ? [] : Directory.GetFiles(Path.Combine(sandboxDir, "seed"), "*.yaml").Order(StringComparer.Ordinal))
            .Concat(crdsOnly ? [] : SandboxAddons.All.SelectMany(a => a.SeedFiles(context)).Where(f => !f.Contains("/crds/", StringComparison.Ordinal)));
        var count = 0;
        foreach (var file in files)
        {
            count += (await api.ApplyYamlAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken)).Count;
        }
        return count;
    }

    private static async Task StartAddonsAsync(SandboxContext context, List<AddonProcess> running, Dictionary<string, int> jobs, CancellationToken cancellationToken)
    {
        foreach (var addon in SandboxAddons.All)
        {
            var start = await addon.PrepareAsync(context, cancellationToken);
            if (start is null)
            {
                Console.WriteLine($"sandbox: {addon.Name} is not built; skipped (dotnet build addons/{addon.Name})");
                continue;
            }

            if (addon.RunsOnce)
            {
                Console.WriteLine($"sandbox: running {addon.Name} once");
                var log = Path.Combine(context.StateDirectory, "logs", addon.Name + ".log");
                var (exit, stdout) = await JobRun.RunAsync(start, log, JobBound, cancellationToken);
                foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Console.WriteLine("  " + line.TrimEnd('\r'));
                }
                Console.WriteLine($"sandbox: {addon.Name} ran once, exit code {exit} (stdout and logs in {context.ForShell(log)})");
                jobs[addon.Name] = exit;
                continue;
            }
            Console.WriteLine($"sandbox: starting {addon.Name} (port {context.PortFor(addon.Name)})");
            running.Add(AddonProcess.Start(addon.Name, start, Path.Combine(context.StateDirectory, "logs", addon.Name + ".log")));
        }
    }

    /// <summary>Waits for every addon's readiness endpoint to answer 200; false (after saying why) when one exits or never gets ready.</summary>
    private static async Task<bool> WaitReadyAsync(SandboxContext context, List<AddonProcess> running, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bound.CancelAfter(ReadyBound);
        foreach (var process in running)
        {
            var addon = SandboxAddons.All.First(a => a.Name == process.Name);
            if (addon.ReadinessPath is null)
            {
                continue;
            }

            var url = new Uri($"http://127.0.0.1:{context.PortFor(addon.Name)}{addon.ReadinessPath}");
            Console.WriteLine($"sandbox: waiting for {addon.Name} ({url})");
            var waited = Stopwatch.StartNew();
            while (!await IsReadyAsync(http, url, bound.Token))
            {
                var problem = process.HasExited ? $"exited with code {process.ExitCode} before it was ready"
                    : stop.IsCancellationRequested ? "was stopped before it was ready"
                    : bound.IsCancellationRequested ? $"was not ready after {ReadyBound.TotalSeconds:F0} s"
                    : null;
                if (problem is not null)
                {
                    await Console.Error.WriteLineAsync($"sandbox: {addon.Name} {problem}; last lines of {context.ForShell(process.LogPath)}:");
                    foreach (var line in Tail(process.LogPath, 15))
                    {
                        await Console.Error.WriteLineAsync("  " + line);
                    }
                    return false;
                }
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), bound.Token);
                }
                catch (OperationCanceledException)
                {
                    // Reported on the next turn.
                }
            }
            Console.WriteLine($"sandbox: {addon.Name} ready ({waited.Elapsed.TotalSeconds:F1} s)");
        }
        return true;
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Tail(string path, int lines)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Waits for the stop signal; an addon that exits on its own stops the sandbox with exit code 1.</summary>
    private static async Task<int> WaitAsync(SandboxContext context, List<AddonProcess> running, StateKeeper? keeper, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (keeper is not null)
            {
                await keeper.SaveAsync(force: false, CancellationToken.None);
            }
            if (running.FirstOrDefault(p => p.HasExited) is { } process)
            {
                await Console.Error.WriteLineAsync($"sandbox: {process.Name} exited with code {process.ExitCode}; see {context.ForShell(process.LogPath)}");
                return 1;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
        return 0;
    }
}
