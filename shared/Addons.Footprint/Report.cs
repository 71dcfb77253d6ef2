using System.Globalization;
using System.Text;

namespace Addons.Footprint;

/// <summary>Turns the results into the one comparison table (console) and docs/footprint.md.</summary>
internal static class Report
{
    private const double Mib = 1048576.0;

    /// <summary>One row: addon × measure with the AOT and JIT values and the AOT/JIT ratio.</summary>
    private sealed record Row(string Addon, string Measure, double? Aot, double? Jit, string Unit, string Format = "F1");

    /// <summary>The addon × measure × AOT × JIT × ratio table as Markdown.</summary>
    public static string Table(IReadOnlyList<AddonResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| addon | measure | AOT | JIT | AOT/JIT |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var row in results.SelectMany(Rows))
        {
            var ratio = row.Aot is { } a && row.Jit is { } j && j > 0 ? (a / j).ToString("F2", CultureInfo.InvariantCulture) : "–";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {row.Addon} | {row.Measure} | {Fmt(row.Aot, row)} | {Fmt(row.Jit, row)} | {ratio} |");
        }

        return sb.ToString();
    }

    /// <summary>Compressed size of every image layer.</summary>
    public static string Layers(IReadOnlyList<AddonResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| image | layer | compressed MB | digest |");
        sb.AppendLine("|---|---|---:|---|");
        foreach (var r in results)
        {
            foreach (var mode in new[] { BuildMode.Aot, BuildMode.Jit })
            {
                if (r.For(mode).Image is not { } image)
                {
                    continue;
                }

                foreach (var layer in image.Layers)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Spec.Name} {mode} | {layer.Role} | {layer.CompressedBytes / Mib:F2} | `{layer.Digest[..19]}…` |");
                }

                sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Spec.Name} {mode} | **total** | **{image.CompressedBytes / Mib:F2}** | |");
            }
        }

        return sb.ToString();
    }

    /// <summary>The NativeAOT targets of issue 6, met or not, per addon.</summary>
    public static string Targets(IReadOnlyList<AddonResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| addon | image ≤ 15 MB (goal 10) | idle RSS ≤ 16 MB (goal 12) | start-to-ready ≤ 100 ms | SIGTERM-to-exit ≤ in-flight + 1 s | takeover ≤ 3 s |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var a = r.Aot;
            var image = a.Image is { } i ? Check(i.CompressedBytes / Mib, 15, $"{i.CompressedBytes / Mib:F1} MB") : "–";
            if (r.Spec.Job is not null)
            {
                // A job is not a host: no idle memory, readiness, SIGTERM or takeover measure applies.
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Spec.Name} (job) | {image} | – (job) | – (job) | – (job) | – (job) |");
                continue;
            }

            var rss = Median(a.IdleRss) is { } m ? Check(m / Mib, 16, $"{m / Mib:F1} MB") : "–";
            var ready = Median(a.Ready.Select(t => t.TotalMilliseconds)) is { } rd ? Check(rd, 100, $"{rd:F0} ms") : "–";
            // The minimal host's reconcile takes 500 ms by contract; other addons' reconciles are short.
            var exit = Median(a.SigtermToExit.Select(t => t.TotalMilliseconds)) is { } ex ? Check(ex, 1500, $"{ex:F0} ms") : "–";
            var takeover = a.Takeover is { } tk ? Check(tk.TotalMilliseconds, 3000, $"{tk.TotalMilliseconds:F0} ms") : "–";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Spec.Name} | {image} | {rss} | {ready} | {exit} | {takeover} |");
        }

        return sb.ToString();
    }

    /// <summary>Notes and errors per addon and mode.</summary>
    public static string Notes(IReadOnlyList<AddonResult> results)
    {
        var sb = new StringBuilder();
        foreach (var r in results)
        {
            foreach (var e in r.Errors)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Spec.Name}**: {e}");
            }

            foreach (var mode in new[] { BuildMode.Aot, BuildMode.Jit })
            {
                var m = r.For(mode);
                foreach (var n in m.Notes)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {r.Spec.Name} {mode}: {n}");
                }

                if (m.InFlight.Count > 0 && r.Spec.InFlightTemplate is not null)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {r.Spec.Name} {mode}: SIGTERM sent with a reconcile in flight in {m.InFlight.Count(x => x)} of {m.InFlight.Count} samples; exit codes {string.Join(", ", m.ExitCodes)}");
                }

                if (m.JobExitCodes.Count > 0)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {r.Spec.Name} {mode}: job exit codes {string.Join(", ", m.JobExitCodes)}");
                }

                if (m.Image is { VersionOutput.Length: > 0 } img)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {r.Spec.Name} {mode}: `--version` from the unpacked image root (chroot, uid 65532): `{img.VersionOutput}`");
                }
            }
        }

        return sb.Length == 0 ? "- none\n" : sb.ToString();
    }

    /// <summary>The median, or null for no samples.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count == 0 ? null : v.Count % 2 == 1 ? v[v.Count / 2] : (v[(v.Count / 2) - 1] + v[v.Count / 2]) / 2;
    }

    private static double? Median(IEnumerable<long> values) => Median(values.Select(x => (double)x));

    private static IEnumerable<Row> Rows(AddonResult r)
    {
        var a = r.Aot;
        var j = r.Jit;
        var n = Math.Max(a.IdleRss.Count, j.IdleRss.Count);
        yield return new Row(r.Spec.Name, "binary / app files (MB)", a.Build?.Bytes / Mib, j.Build?.Bytes / Mib, "MB", "F2");
        yield return new Row(r.Spec.Name, "image, compressed (MB)", a.Image?.CompressedBytes / Mib, j.Image?.CompressedBytes / Mib, "MB", "F2");
        if (r.Spec.Job is { } job)
        {
            var runs = Math.Max(a.JobWall.Count, j.JobWall.Count);
            yield return new Row(r.Spec.Name, $"job wall time, {job.Repos} repos at {job.LatencyMs} ms/request (s, median of {runs})", Median(a.JobWall.Select(t => t.TotalSeconds)), Median(j.JobWall.Select(t => t.TotalSeconds)), "s", "F2");
            yield return new Row(r.Spec.Name, $"job peak RSS (MB, highest of {runs})", a.JobPeakRss.Count > 0 ? a.JobPeakRss.Max() / Mib : null, j.JobPeakRss.Count > 0 ? j.JobPeakRss.Max() / Mib : null, "MB");
            yield break;
        }

        yield return new Row(r.Spec.Name, "start → ready (ms, median)", Median(a.Ready.Select(t => t.TotalMilliseconds)), Median(j.Ready.Select(t => t.TotalMilliseconds)), "ms", "F0");
        yield return new Row(r.Spec.Name, $"idle RSS after ready (MB, median of {n})", Median(a.IdleRss) / Mib, Median(j.IdleRss) / Mib, "MB");
        if (r.Spec.BurstTemplate is not null)
        {
            yield return new Row(r.Spec.Name, "peak RSS, burst of 1,000 watch events (MB)", a.BurstPeakRss / Mib, j.BurstPeakRss / Mib, "MB");
        }

        yield return new Row(r.Spec.Name, "SIGTERM → exit (ms, median)", Median(a.SigtermToExit.Select(t => t.TotalMilliseconds)), Median(j.SigtermToExit.Select(t => t.TotalMilliseconds)), "ms", "F0");
        if (r.Spec.UsesApi)
        {
            yield return new Row(r.Spec.Name, "standby holds the Lease after leader SIGTERM (ms)", a.Takeover?.TotalMilliseconds, j.Takeover?.TotalMilliseconds, "ms", "F0");
        }
    }

    private static string Fmt(double? v, Row row) => v is { } x ? x.ToString(row.Format, CultureInfo.InvariantCulture) : "n/a";

    private static string Check(double value, double limit, string text) => value <= limit ? $"✅ {text}" : $"❌ {text}";
}
