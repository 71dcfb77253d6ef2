using Serilog.Core;
using Serilog.Events;

namespace Addons.Kit.Logging;

/// <summary>Gives every event a <c>SourceContext</c>, so lines written without a category still say where they came from.</summary>
internal sealed class DefaultSourceContextEnricher(string sourceContext) : ILogEventEnricher
{
    private readonly LogEventProperty _property = new("SourceContext", new ScalarValue(sourceContext));

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
        logEvent.AddPropertyIfAbsent(_property);
}
