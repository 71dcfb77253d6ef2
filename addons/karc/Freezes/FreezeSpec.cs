using System.Text.Json.Serialization;
using Addons.Karc.NodePools;

namespace Addons.Karc.Freezes;

/// <summary>What a ConsolidationFreeze asks for. Exactly one of <see cref="Window"/> and <see cref="Schedule"/>.</summary>
internal sealed class FreezeSpec
{
    /// <summary>NodePool names, or <c>["*"]</c> for every NodePool.</summary>
    [JsonPropertyName("nodePools")]
    [JsonConverter(typeof(LenientStringListConverter))]
    public List<string>? NodePools { get; set; }

    [JsonPropertyName("window")]
    public FreezeWindow? Window { get; set; }

    [JsonPropertyName("schedule")]
    public FreezeSchedule? Schedule { get; set; }

    [JsonPropertyName("suspend")]
    public bool? Suspend { get; set; }
}

/// <summary>A one-off freeze: RFC 3339 start and end (with offset).</summary>
internal sealed class FreezeWindow
{
    [JsonPropertyName("start")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Start { get; set; }

    [JsonPropertyName("end")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? End { get; set; }
}

/// <summary>A recurring freeze: a 5-field cron in <see cref="TimeZone"/> (default UTC) and a duration.</summary>
internal sealed class FreezeSchedule
{
    [JsonPropertyName("cron")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Cron { get; set; }

    [JsonPropertyName("duration")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Duration { get; set; }

    [JsonPropertyName("timeZone")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? TimeZone { get; set; }
}
