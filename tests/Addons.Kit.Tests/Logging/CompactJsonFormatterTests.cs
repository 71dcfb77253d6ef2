using System.Text.Json;
using Addons.Kit.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace Addons.Kit.Tests.Logging;

public sealed class CompactJsonFormatterTests
{
    [Fact]
    public void Format_InformationEvent_OneJsonLineWithTimeLevelRenderedMessageAndProperties()
    {
        var template = new MessageTemplateParser().Parse("Reconciled {Key} in {Ms} ms");
        var logEvent = new LogEvent(
            DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture), LogEventLevel.Information, null, template,
            [new LogEventProperty("Key", new ScalarValue("ns/a")), new LogEventProperty("Ms", new ScalarValue(12)),
             new LogEventProperty("SourceContext", new ScalarValue("Demo"))]);
        using var output = new StringWriter();

        new CompactJsonFormatter().Format(logEvent, output);
        var line = output.ToString();
        using var json = JsonDocument.Parse(line);

        Assert.EndsWith("}\n", line, StringComparison.Ordinal);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("2026-01-02T03:04:05.0000000Z", json.RootElement.GetProperty("@t").GetString());
        Assert.Equal("Information", json.RootElement.GetProperty("@l").GetString());
        Assert.Equal("Reconciled ns/a in 12 ms", json.RootElement.GetProperty("@m").GetString());
        Assert.Equal("ns/a", json.RootElement.GetProperty("Key").GetString());
        Assert.Equal("Demo", json.RootElement.GetProperty("SourceContext").GetString());
    }

    [Fact]
    public void Format_WithException_AddsX()
    {
        var logEvent = new LogEvent(
            DateTimeOffset.UnixEpoch, LogEventLevel.Error, new InvalidOperationException("boom"),
            new MessageTemplateParser().Parse("failed"), []);
        using var output = new StringWriter();

        new CompactJsonFormatter().Format(logEvent, output);
        using var json = JsonDocument.Parse(output.ToString());

        Assert.Contains("boom", json.RootElement.GetProperty("@x").GetString(), StringComparison.Ordinal);
    }
}
