namespace Addons.Gss.Configuration;

/// <summary>One setting: its environment variable (the original's name), its flag and what it accepts.</summary>
internal sealed record Setting(string EnvironmentVariable, string Accepted, string Help)
{
    /// <summary><c>--github-token</c> for <c>GITHUB_TOKEN</c>.</summary>
    public string Flag => "--" + EnvironmentVariable.ToLowerInvariant().Replace('_', '-');
}
