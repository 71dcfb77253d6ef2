namespace Addons.Gss.Tests.Publishing;

/// <summary>Compares output with <c>Publishing/golden/NAME</c>; <c>UPDATE_GOLDEN=1</c> rewrites the source file instead.</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(SourceDirectory(), "Publishing", "golden", name);
            File.WriteAllText(source, actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Publishing", "golden", name));
        Assert.Equal(expected, actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
