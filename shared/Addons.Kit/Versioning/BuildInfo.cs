using System.Reflection;

namespace Addons.Kit.Versioning;

/// <summary>Version and commit of the running addon, from Nerdbank.GitVersioning's informational version.</summary>
/// <param name="Addon">The addon's name, as passed to <c>AddonHost.CreateBuilder</c>.</param>
/// <param name="Version">The semantic version, e.g. <c>0.1.7</c>.</param>
/// <param name="Commit">The git commit id the binary was built from, or <c>unknown</c>.</param>
public sealed record BuildInfo(string Addon, string Version, string Commit)
{
    /// <summary>Reads the entry assembly's informational version (<c>1.2.3+abcdef0123</c>).</summary>
    public static BuildInfo FromEntryAssembly(string addon)
    {
        var informational = Assembly.GetEntryAssembly()?
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return Parse(addon, informational);
    }

    /// <summary>Splits <c>version+commit</c>; missing parts become <c>unknown</c>.</summary>
    public static BuildInfo Parse(string addon, string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return new BuildInfo(addon, "unknown", "unknown");
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new BuildInfo(addon, informationalVersion, "unknown")
            : new BuildInfo(addon, informationalVersion[..plus], informationalVersion[(plus + 1)..]);
    }

    /// <summary>The <c>--version</c> line: <c>cleaner 0.1.7 (commit abcdef0123)</c>.</summary>
    public override string ToString() => $"{Addon} {Version} (commit {Commit})";
}
