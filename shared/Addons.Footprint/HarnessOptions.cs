namespace Addons.Footprint;

/// <summary>Command-line options of the harness.</summary>
internal sealed class HarnessOptions
{
    /// <summary>One sample and short waits (CI): proves the harness runs, the numbers are indicative only.
    /// Reuses the AOT binaries .ci/publish-aot left in artifacts/publish when present.</summary>
    public bool Quick { get; private set; }

    /// <summary>Samples per idle-RSS and start-up measure; the median is reported. Default 3 (1 with --quick).</summary>
    public int Samples { get; private set; } = 3;

    /// <summary>How long after ready the idle RSS is read. Default 30 s (5 s with --quick).</summary>
    public TimeSpan IdleWait { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long RSS is sampled after the burst is written. Default 10 s (3 s with --quick).</summary>
    public TimeSpan BurstWindow { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>Objects written in the burst. Default 1,000.</summary>
    public int BurstCount { get; private set; } = 1000;

    /// <summary>Only these addons (by name); empty = every addon that exists.</summary>
    public IReadOnlyList<string> Only { get; private set; } = [];

    /// <summary>Markdown report path (relative to the repo root). Default docs/footprint.md, or .footprint/footprint-quick.md with --quick.</summary>
    public string? Output { get; private set; }

    /// <summary>Skip image building (e.g. when not root).</summary>
    public bool NoImages { get; private set; }

    /// <summary>Parses the arguments; returns null with a message on a bad one.</summary>
    public static HarnessOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var o = new HarnessOptions();
        error = null;
        var only = new List<string>();
        int? samples = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    o.Quick = true;
                    break;
                case "--no-images":
                    o.NoImages = true;
                    break;
                case "--samples" when i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n >= 1:
                    samples = n;
                    i++;
                    break;
                case "--only" when i + 1 < args.Count:
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--out" when i + 1 < args.Count:
                    o.Output = args[++i];
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'; accepted: --quick, --samples N (N >= 1), --only a,b, --out PATH, --no-images";
                    return null;
            }
        }

        if (o.Quick)
        {
            o.Samples = 1;
            o.IdleWait = TimeSpan.FromSeconds(5);
            o.BurstWindow = TimeSpan.FromSeconds(3);
            o.Output ??= ".footprint/footprint-quick.md";
        }

        o.Samples = samples ?? o.Samples;
        o.Output ??= "docs/footprint.md";
        o.Only = only;
        return o;
    }
}
