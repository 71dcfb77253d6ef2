using System.Globalization;
using System.Text;

namespace Addons.Footprint;

/// <summary>The whole run: publish, image, live measures for every addon that exists, then the report.</summary>
internal sealed class Harness(string root, HarnessOptions options)
{
    /// <summary>Runs everything; the exit code is 1 only if something could not run at all (never for a timing).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var specs = AddonCatalog.Load(root)
            .Where(s => options.Only.Count == 0 || options.Only.Contains(s.Name))
            .Where(s => File.Exists(Path.Combine(root, s.Project)))
            .ToList();
        var results = new List<AddonResult>();
        var images = !options.NoImages && Environment.UserName == "root";
        foreach (var spec in specs)
        {
            Log($"== {spec.Name} ({spec.Project})");
            var result = new AddonResult(spec);
            results.Add(result);
            foreach (var mode in new[] { BuildMode.Aot, BuildMode.Jit })
            {
                await RunModeAsync(spec, mode, result, images, ct).ConfigureAwait(false);
            }
        }

        var markdown = Markdown(results, images);
        var output = Path.Combine(root, options.Output!);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, markdown, ct).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(Report.Table(results));
        Console.WriteLine(Report.Layers(results));
        Console.WriteLine(Report.Notes(results));
        Log($"written {options.Output}");
        var failed = results.Where(r => r.Errors.Count > 0).Select(r => r.Spec.Name).ToList();
        if (specs.Count == 0 || failed.Count > 0)
        {
            Log(specs.Count == 0 ? "nothing to measure" : $"could not run: {string.Join(", ", failed)}");
            return 1;
        }

        return 0;
    }

    private async Task RunModeAsync(AddonSpec spec, BuildMode mode, AddonResult result, bool images, CancellationToken ct)
    {
        var m = result.For(mode);
        try
        {
            m.Build = await Publisher.PublishAsync(root, spec, mode, reuse: options.Quick, ct).ConfigureAwait(false);
            Log($"  {spec.Name} {mode}: published {m.Build.Bytes / 1048576.0:F2} MB ({m.Build.Directory})");
        }
        catch (InvalidOperationException e)
        {
            result.Errors.Add($"{mode} publish: {e.Message}");
            return;
        }

        if (images)
        {
            try
            {
                m.Image = await ImageBuilder.BuildAsync(root, spec, m.Build, ct).ConfigureAwait(false);
                Log($"  {spec.Name} {mode}: image {m.Image.CompressedBytes / 1048576.0:F2} MB ({string.Join(", ", m.Image.Layers.Select(l => $"{l.Role} {l.CompressedBytes / 1048576.0:F2}"))})");
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                result.Errors.Add($"{mode} image: {e.Message}");
            }
        }
        else
        {
            m.Notes.Add("images skipped (--no-images, or not root: umoci unpack and chroot need root)");
        }

        if (spec.Job is not null)
        {
            await new JobMeasurer(root, options, Log).RunAsync(spec, m.Build, m, ct).ConfigureAwait(false);
            if (m.JobWall.Count == 0)
            {
                result.Errors.Add($"{mode}: the job never finished (see .footprint/logs)");
            }

            return;
        }

        await new Measurer(root, options, Log).RunAsync(spec, m.Build, m, ct).ConfigureAwait(false);
        if (m.Ready.Count == 0 && m.IdleRss.Count == 0)
        {
            result.Errors.Add($"{mode}: never became ready (see .footprint/logs)");
        }
    }

    private string Markdown(IReadOnlyList<AddonResult> results, bool images)
    {
        var machine = MachineInfo.Read();
        var sb = new StringBuilder();
        sb.AppendLine("# Footprint: NativeAOT vs JIT, every addon");
        sb.AppendLine();
        sb.AppendLine("Written by the footprint harness (`shared/Addons.Footprint`); regenerate with:");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(CultureInfo.InvariantCulture, $"dotnet run --project shared/Addons.Footprint -c Release{(options.Quick ? " -- --quick" : "")}   # as root (image check uses chroot)");
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("| | |");
        sb.AppendLine("|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| commit | `{Git("rev-parse", "--short=12", "HEAD")}`{(Git("status", "--porcelain").Length > 0 ? " (with uncommitted changes)" : "")} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| machine | {machine.Cores} cores (nproc), {machine.Cpu}, {machine.Memory} RAM |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| OS | {machine.Os}, kernel {machine.Kernel} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| runtime | {machine.Runtime}, {Publisher.Rid} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| run | {(options.Quick ? "quick" : "full")}: {options.Samples} sample(s), RSS read {options.IdleWait.TotalSeconds:F0} s after ready, burst of {options.BurstCount:N0} objects sampled for {options.BurstWindow.TotalSeconds:F0} s |");
        sb.AppendLine();
        sb.AppendLine("## Results");
        sb.AppendLine();
        sb.AppendLine(Report.Table(results));
        sb.AppendLine("How each measure is taken:");
        sb.AppendLine();
        sb.AppendLine("- **binary / app files**: AOT = the single native binary; JIT = the framework-dependent publish folder (the shared runtime is not counted here, it is in the JIT image).");
        sb.AppendLine("- **image**: a real OCI image built by `deploy/build-image` (umoci), validated with `skopeo inspect`, sizes are the compressed (gzip) layer blobs. The JIT image adds a runtime layer (dotnet host + Microsoft.NETCore.App), as `mcr.microsoft.com/dotnet/runtime` would.");
        sb.AppendLine("- **start → ready**: from just before the process is spawned to the first `200` from `GET /readyz` (polled every 2 ms), against the emulator with a live watch and the Lease.");
        sb.AppendLine("- **idle RSS**: `VmRSS` from `/proc/<pid>/status`, read the stated time after ready, median of the samples; each sample is a fresh process and a fresh emulator.");
        sb.AppendLine("- **peak RSS under a burst**: 1,000 objects of the watched kind created through the emulator in one go (1,000 watch events), `VmRSS` sampled every 10 ms during the window.");
        sb.AppendLine("- **SIGTERM → exit**: a watched object is changed, the harness waits for `controller_runtime_active_workers > 0` (a reconcile in flight; the minimal host's reconcile takes 500 ms), then sends SIGTERM and times the exit.");
        sb.AppendLine("- **takeover**: two replicas on one emulator; after the leader's SIGTERM the Lease is polled (every 5 ms) until another identity holds it.");
        sb.AppendLine("- **job** (a CronJob addon, `footprint.job` in addons/addons.json): run to completion against a fresh emulated world per sample (gss: the GitHub Enterprise emulator with a generated organization and a fixed latency per request); wall time from spawn to exit, peak RSS = `VmHWM` read every 10 ms until exit. Idle RSS, readiness, SIGTERM and takeover do not apply.");
        sb.AppendLine();
        sb.AppendLine("## NativeAOT targets (issue 6)");
        sb.AppendLine();
        sb.AppendLine(Report.Targets(results));
        sb.AppendLine("## Images, layer by layer");
        sb.AppendLine();
        sb.AppendLine(images ? Report.Layers(results) : "Images were not built in this run.\n");
        sb.AppendLine("The AOT image's base layer is what the binary needs from the build machine, nothing more: glibc (libc, libm, the loader), libgcc_s, OpenSSL 3 (libssl + libcrypto, dlopen'ed by .NET for TLS), CA certificates, full tzdata, `/etc/passwd` with uid 65532, `/tmp`. No shell.");
        sb.AppendLine();
        sb.AppendLine("## Seed anchors (the originals, for comparison)");
        sb.AppendLine();
        sb.AppendLine("| implementation | image | idle RSS |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine("| Rust addons (musl, scratch) | 5–15 MB | 5–10 MB |");
        sb.AppendLine("| Go + client-go | 30–80 MB | 30–50 MB |");
        sb.AppendLine();
        sb.AppendLine("## Notes from this run");
        sb.AppendLine();
        sb.Append(Report.Notes(results));
        return sb.ToString();
    }

    private string Git(params string[] args)
    {
        var r = CommandRunner.RunAsync("git", args, root, TimeSpan.FromSeconds(30), CancellationToken.None).GetAwaiter().GetResult();
        return r.ExitCode == 0 ? r.Output.Trim() : "unknown";
    }

    private static void Log(string message) => Console.Error.WriteLine($"[footprint {DateTime.UtcNow:HH:mm:ss}] {message}");
}
