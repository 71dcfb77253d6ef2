using Addons.Cleaner.Configuration;
using Addons.Cleaner.Globbing;

namespace Addons.Cleaner.Tests.Globbing;

public sealed class GlobMatchingTests
{
    // pattern, relative path, expected — the cases of the original's documentation and issue 5.
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "**/.git/**", "project1/.git/config", true },
        { "**/.git/**", ".git/config", true },
        { "**/.git/**", "a/.git/x/y", true },
        { "**/.git/**", "src/main.go", false },
        { "**/.git/**", ".git", false },
        { "**/node_modules/**", "src/node_modules/lib.js", true },
        { "**/node_modules/**", "node_modules/a/b.js", true },
        { "*.txt", "file.txt", true },
        { "*.txt", "file.go", false },
        { "*.txt", "deep/dir/file.txt", true },
        { "**/groovy-dsl/**", "build/groovy-dsl/cache.jar", true },
        { "**/groovy-dsl/**", "a/b/c/groovy-dsl/file.txt", true },
        { "**/groovy-dsl/**", "build/other/file.jar", false },
        { "app.log", "app.log", true },
        { "app.log", "sub/app.log", false },
        { "node_modules", "node_modules", true },
        { "node_modules", "a/node_modules", false },
        { "*.log", "project1/debug.log", true },
        { "*.log", "app.log", true },
        { "*.log", "app.log.1", false },
        { "a/**/b", "a/b", true },
        { "a/**/b", "a/x/y/b", true },
        { "a/**/b", "a/x", false },
        { "a/**/b", "a/xb", false },
        { "a/**", "a/b", true },
        { "a/**", "a/b/c", true },
        { "a/**", "a", false },
        { "**", "anything/at/all", true },
        { "*", "a/b/c.txt", true },
        { "?", "a", true },
        { "?", "ab", false },
        { "a?c", "a/c", true },
        { "file[0-9].txt", "file5.txt", true },
        { "file[0-9].txt", "fileA.txt", false },
        { "file[0-9].txt", "file10.txt", false },
        { "[abc].md", "b.md", true },
        { "[abc].md", "d.md", false },
        { "[!a]*.tmp", "b1.tmp", true },
        { "[!a]*.tmp", "a1.tmp", false },
        { "[^a]*.tmp", "b1.tmp", true },
        { "[^a]*.tmp", "a1.tmp", false },
        { "[]]x", "]x", true },
        { "[a-]x", "-x", true },
        { "file.{txt,md}", "file.txt", true },
        { "file.{txt,md}", "file.md", true },
        { "file.{txt,md}", "file.go", false },
        { "*.{js,ts}", "src/app.ts", true },
        { "*.{js,ts}", "src/app.tsx", false },
        { "{a,b{c,d}}.x", "bd.x", true },
        { "{a,b{c,d}}.x", "b.x", false },
        { "x{,.bak}", "x", true },
        { "x{,.bak}", "x.bak", true },
        { "a,b", "a,b", true },
        { @"literal\*star", "literal*star", true },
        { @"literal\*star", "literalXstar", false },
        { @"\[x\]", "[x]", true },
        { "**/*.jar", "lib.jar", true },
        { "**/*.jar", "a/b/lib.jar", true },
        { "**/cache/**", "cache/x", true },
        { "build/**/*.o", "build/x.o", true },
        { "build/**/*.o", "build/a/b/x.o", true },
        { "*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false },
        { "ü?.txt", "üß.txt", true },
        { "[ä-ö]", "ö", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsMatch_Table_MatchesLikeTheOriginal(string pattern, string path, bool expected)
    {
        var glob = Glob.Compile(pattern);

        Assert.Equal(expected, glob.IsMatch(path));
    }

    public static TheoryData<string, string> InvalidCases => new()
    {
        { "file.{txt", "unclosed brace" },
        { "file.txt}", "unmatched closing brace" },
        { "[invalid", "unclosed character class" },
        { @"foo\", "trailing backslash" },
        { "{a,{b}", "unclosed brace" },
        { "[z-a]", "invalid character class range" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Compile_InvalidPattern_ThrowsNamingPatternAndReason(string pattern, string reason)
    {
        var error = Assert.Throws<GlobSyntaxException>(() => Glob.Compile(pattern));

        Assert.Equal(pattern, error.Pattern);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitList_BracesGivenThroughTheFlag_StayOnePattern()
    {
        var options = CleanerSettings.Definition.Parse(["--include-patterns=*.{js,ts}, *.md ,,"], _ => null).Options;

        Assert.Equal(["*.{js,ts}", "*.md"], options.IncludePatterns);
        Assert.True(GlobSet.Compile(options.IncludePatterns).IsMatch("a/b.ts"));
    }

    [Theory]
    [InlineData("**/.git/**", ".git", true)]
    [InlineData("**/.git/**", "src/.git", true)]
    [InlineData("**/node_modules/**", "a/node_modules", true)]
    [InlineData("node_modules", "node_modules", true)]
    [InlineData("node_modules", "a/node_modules", false)]
    [InlineData("*.log", "logs", false)]
    [InlineData("a/**/b", "a/x", false)]
    public void ExcludesDirectory_Table_PrunesOnlyWhenEverythingBelowIsExcluded(string pattern, string directory, bool expected)
    {
        var set = GlobSet.Compile([pattern]);

        Assert.Equal(expected, set.ExcludesDirectory(System.Text.Encoding.UTF8.GetBytes(directory)));
    }
}
