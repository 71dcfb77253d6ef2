using System.Reflection;
using System.Runtime.Versioning;

namespace Addons.Kit.Testing.Repository;

/// <summary>
/// Where a registered host's own build put its app host: <c>&lt;folder&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/&lt;binary&gt;</c>.
/// Tests run that one, not the copy next to the test assembly: a test project that references
/// Addons.Kit.Testing (which brings the ASP.NET Core framework) does not copy the Microsoft.Extensions
/// assemblies the framework carries, so the copy's <c>deps.json</c> names files that are not there and
/// it fails to start.
/// </summary>
public static class AddonBinaries
{
    /// <summary>
    /// The app host of <paramref name="name"/> built with the same configuration and target framework as
    /// <paramref name="testAssembly"/>; throws naming the path and the build command when it is missing.
    /// </summary>
    public static string AppHost(string name, Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var entry = AddonManifest.Load().Find(name) ?? throw new ArgumentException($"{name} is not registered in {AddonManifest.RelativePath}", nameof(name));
        var configuration = testAssembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = testAssembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName ?? "";
        var version = framework.Contains("Version=v", StringComparison.Ordinal) ? framework[(framework.IndexOf("Version=v", StringComparison.Ordinal) + 9)..] : "10.0";
        var path = Repo.PathOf(Path.Combine(entry.Folder, "bin", configuration, "net" + version, entry.Binary));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} not found: build it with dotnet build {entry.Project} -c {configuration}", path);
    }
}
