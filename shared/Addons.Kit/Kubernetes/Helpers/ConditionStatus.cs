namespace Addons.Kit.Kubernetes.Helpers;

/// <summary>The three values of a condition's <c>status</c>.</summary>
public static class ConditionStatus
{
    /// <summary>The condition holds.</summary>
    public const string True = "True";

    /// <summary>The condition does not hold.</summary>
    public const string False = "False";

    /// <summary>It cannot be told (yet).</summary>
    public const string Unknown = "Unknown";
}
