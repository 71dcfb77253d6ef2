namespace Addons.Cleaner.Configuration;

/// <summary>One configurable setting: its flag, its environment variable and what it accepts.</summary>
internal sealed record Setting(string Name, string? EnvironmentVariable, bool IsSwitch, string Accepted, string Help)
{
    public string Flag => "--" + Name;

    /// <summary>"--dry-run (env DRY_RUN)", used to name the setting in error messages.</summary>
    public string Display => EnvironmentVariable is null ? Flag : $"{Flag} (env {EnvironmentVariable})";
}
