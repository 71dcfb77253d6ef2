namespace Addons.Karc.Freezes;

/// <summary>
/// What a freeze's spec means at one instant: whether it is valid (and if not, which field is wrong),
/// whether it is active, and when that next changes.
/// </summary>
internal sealed record FreezePlan(bool Valid, string? InvalidField, string? Message, bool Active, DateTimeOffset? NextTransition)
{
    public static FreezePlan Invalid(string field, string message) => new(false, field, message, false, null);
}
