namespace Addons.Aws.Eks.Model;

/// <summary>Node group sizes.</summary>
public sealed class EksScalingConfig
{
    /// <summary>MinSize.</summary>
    public int MinSize { get; set; }

    /// <summary>MaxSize.</summary>
    public int MaxSize { get; set; }

    /// <summary>DesiredSize.</summary>
    public int DesiredSize { get; set; }
}
