namespace Addons.Aws.Eks.Model;

/// <summary>PASSING, WARNING, ERROR or UNKNOWN, with the reason.</summary>
public sealed class EksInsightStatus
{
    /// <summary>Status.</summary>
    public string Status { get; set; } = "";

    /// <summary>Reason.</summary>
    public string Reason { get; set; } = "";
}
