using System.Text;
using Addons.Gss.Publishing;

namespace Addons.Gss.Tests.Publishing;

public sealed class PublisherGoldenTests
{
    [Fact]
    public void Console_SampleReport_MatchesGoldenFile() =>
        GoldenFile.AssertMatches("console.txt", ConsolePublisher.Render(SampleReport.Create()));

    [Fact]
    public void Console_WideCharacters_EveryRowHasTheSameDisplayWidthPerColumn()
    {
        var lines = ConsolePublisher.Render(SampleReport.Create()).Split('\n');
        var header = lines[3];
        var author = header.IndexOf("WORKFLOW LAST AUTHOR", StringComparison.Ordinal);

        // Every data row starts its author column at the same display column as the header.
        foreach (var row in lines.Skip(4).Take(5))
        {
            var prefixWidth = 0;
            var runes = row.EnumerateRunes().ToList();
            var i = 0;
            for (; i < runes.Count && prefixWidth < author; i++)
            {
                prefixWidth += DisplayWidth.Of(runes[i]);
            }

            Assert.Equal(author, prefixWidth);
            Assert.NotEqual(' ', (char)runes[i].Value);
            Assert.Equal(' ', (char)runes[i - 1].Value);
        }
    }

    [Fact]
    public void Markdown_SampleReport_MatchesGoldenFile() =>
        GoldenFile.AssertMatches("report.md", MarkdownReport.Render(SampleReport.Create()));

    [Fact]
    public void Json_SampleReport_MatchesGoldenFile() =>
        GoldenFile.AssertMatches("report.json", JsonPublisher.Render(SampleReport.Create()));

    [Fact]
    public void SlackWebhook_SampleReport_MatchesGoldenFile() =>
        GoldenFile.AssertMatches("webhook.json", Encoding.UTF8.GetString(SlackWebhookPublisher.Body(SampleReport.Create())));

    [Theory]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdefg", 6, "abc...")]
    [InlineData("야간 배치 작업", 14, "야간 배치 작업")]
    [InlineData("야간 배치 작업", 10, "야간 배...")]
    [InlineData("야간 배치 작업", 9, "야간 ...")]
    [InlineData("야간배치작업", 8, "야간...")]
    [InlineData("야간배치작업", 7, "야간...")]
    [InlineData("e\u0301te\u0301", 3, "e\u0301te\u0301")]
    public void Truncate_ByDisplayWidth_NeverOvershoots(string text, int max, string expected)
    {
        var cut = DisplayWidth.Truncate(text, max);

        Assert.Equal(expected, cut);
        Assert.True(DisplayWidth.Of(cut) <= max);
    }
}
