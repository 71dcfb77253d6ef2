namespace Addons.Kit.Tests.Settings;

/// <summary>An addon's options for the settings tests; the initialisers are the defaults.</summary>
internal sealed class TestOptions
{
    public IReadOnlyList<string> Paths { get; set; } = ["/home/runner/_work"];

    public int Threshold { get; set; } = 80;

    public int? Target { get; set; }

    public bool DryRun { get; set; }

    public TimeSpan Age { get; set; } = TimeSpan.FromMinutes(10);

    public string Mode { get; set; } = "interval";

    public string? Token { get; set; }

    public string? Context { get; set; }

    public string? Org { get; set; }
}
