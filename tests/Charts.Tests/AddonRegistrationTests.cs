using System.Text.RegularExpressions;

namespace Charts.Tests;

/// <summary>
/// addons/addons.json is the one registration of every addon: an addon folder without an entry, an entry
/// without its project, chart, Dockerfile, version.json or tests, a chart nobody registered, and a derived
/// place (Addons.sln, README table) out of date all fail here, naming what to add or the script to run.
/// </summary>
public sealed partial class AddonRegistrationTests
{
    private static readonly AddonManifest Manifest = AddonManifest.Load();

    [Fact]
    public void AddonFolders_EveryFolderWithAProject_IsRegistered()
    {
        var unregistered = Directory.EnumerateDirectories(Path.Combine(Repo.Root, "addons"))
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(Path.GetFileName)
            .Where(name => Manifest.Find(name!) is null)
            .ToList();

        Assert.True(unregistered.Count == 0, $"addons/{string.Join(", addons/", unregistered)} has a project but no entry in {AddonManifest.RelativePath} (docs/adding-an-addon.md)");
    }

    [Fact]
    public void Entries_EveryRegisteredAddon_HasItsProjectWithTheRegisteredBinary()
    {
        foreach (var addon in Manifest.Addons)
        {
            var project = Path.Combine(Repo.Root, addon.Project);
            Assert.True(File.Exists(project), $"{addon.Name}: project {addon.Project} does not exist");
            var assemblyName = AssemblyName().Match(File.ReadAllText(project));
            Assert.True(assemblyName.Success && assemblyName.Groups[1].Value == addon.Binary, $"{addon.Name}: {addon.Project} must set <AssemblyName>{addon.Binary}</AssemblyName>");
            if (addon.Project.StartsWith("addons/", StringComparison.Ordinal))
            {
                Assert.Equal($"addons/{addon.Name}", addon.Folder);
            }

            if (addon.Tests is not null)
            {
                Assert.True(File.Exists(Path.Combine(Repo.Root, addon.Tests)), $"{addon.Name}: tests {addon.Tests} do not exist");
            }
        }
    }

    [Fact]
    public void Entries_EveryReleasedAddon_HasChartDockerfileVersionTestsAndReadme()
    {
        foreach (var addon in Manifest.Addons.Where(a => a.Release))
        {
            Assert.True(addon.Chart is not null, $"{addon.Name}: a released addon needs \"chart\" in {AddonManifest.RelativePath}");
            var chart = Path.Combine(Repo.Root, addon.Chart!, "Chart.yaml");
            Assert.True(File.Exists(chart), $"{addon.Name}: chart {addon.Chart} has no Chart.yaml");
            Assert.Contains($"name: {addon.Name}", File.ReadAllLines(chart));
            foreach (var file in new[] { "Dockerfile", "version.json", "README.md" })
            {
                Assert.True(File.Exists(Path.Combine(Repo.Root, addon.Folder, file)), $"{addon.Name}: {addon.Folder}/{file} is missing");
            }

            Assert.True(addon.Tests is not null, $"{addon.Name}: a released addon needs \"tests\" (its test project) in {AddonManifest.RelativePath}");
        }
    }

    [Fact]
    public void Entries_FootprintFiles_Exist()
    {
        foreach (var addon in Manifest.Addons.Where(a => a.Footprint is not null))
        {
            var f = addon.Footprint!;
            foreach (var path in f.Setup.Append(f.Burst).Append(f.InFlight).OfType<string>())
            {
                var full = Path.Combine(Repo.Root, path);
                Assert.True(File.Exists(full) || Directory.Exists(full), $"{addon.Name}: footprint path {path} does not exist");
            }
        }
    }

    [Fact]
    public void Charts_EveryAddonChart_IsRegistered()
    {
        var registered = Manifest.Addons.Select(a => a.Chart).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var orphans = ChartFolders.All()
            .Select(c => c.Replace('\\', '/'))
            .Where(c => c != "charts/addons" && !ChartFolders.IsLibrary(c) && !registered.Contains(c))
            .ToList();

        Assert.True(orphans.Count == 0, $"{string.Join(", ", orphans)}: a chart no entry of {AddonManifest.RelativePath} names");
    }

    [Fact]
    public void Planned_NoPlannedAddon_HasAFolderYet()
    {
        foreach (var planned in Manifest.Planned)
        {
            Assert.False(Directory.Exists(Path.Combine(Repo.Root, "addons", planned.Name)), $"addons/{planned.Name} exists: move it from \"planned\" to \"addons\" in {AddonManifest.RelativePath}");
        }
    }

    [Fact]
    public void Solution_EveryRegisteredProjectAndTestProject_IsInAddonsSln()
    {
        var sln = File.ReadAllText(Path.Combine(Repo.Root, "Addons.sln")).Replace('\\', '/');
        var missing = Manifest.Addons.SelectMany(a => new[] { a.Project, a.Tests }).OfType<string>().Where(p => !sln.Contains(p, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"not in Addons.sln: {string.Join(", ", missing)}: run bash .ci/sync-addons");
    }

    [Fact]
    public void Readme_AddonTable_IsGeneratedFromTheManifest()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        var begin = Array.FindIndex(lines, l => l.StartsWith("<!-- addons:begin", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l == "<!-- addons:end -->");
        Assert.True(begin >= 0 && end > begin, "README.md lacks the <!-- addons:begin ... --> / <!-- addons:end --> markers");

        string[] expected =
        [
            "| addon | what it does | docs | chart |",
            "|---|---|---|---|",
            .. Manifest.Addons.Where(a => a.Release).Select(a => $"| {a.Name} | {a.Summary} | [{a.Folder}]({a.Folder}/README.md) | {(a.Chart is null ? "—" : $"[{a.Chart}]({a.Chart})")} |"),
            .. Manifest.Planned.Select(p => $"| {p.Name} | {p.Summary} | planned | — |"),
        ];

        Assert.True(expected.SequenceEqual(lines[(begin + 1)..end]), "README.md's addon table is out of date: run bash .ci/sync-addons");
    }

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyName();
}
