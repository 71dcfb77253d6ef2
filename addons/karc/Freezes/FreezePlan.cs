namespace Addons.Karc.Freezes;

/// <summary>
/// What a freeze's spec means at one instant: whether it is valid (and if not, which field is wrong),
/// whether it is active, and when that next changes. <see cref="Ended"/>: a one-off window that is over for good
/// (never active again, no next transition).
/// </summary>
internal sealed record FreezePlan(bool Valid, string? InvalidField, string? Message, bool Active, DateTimeOffset? NextTransition, bool Ended = false)
{
    public static FreezePlan Invalid(string field, string message) => new(false, field, message, false, null);
}
