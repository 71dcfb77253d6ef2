namespace Addons.Gss.Schedules;

/// <summary>A cron in a local zone.</summary>
/// <param name="Expression">The converted expression, or the original when it cannot be converted.</param>
/// <param name="UtcRelative">
/// True when the expression was left unchanged because it is relative to UTC (<c>*</c> or a step in
/// the hour, a minute range under a fractional offset, …) or not a 5-field cron.
/// </param>
internal sealed record LocalCron(string Expression, bool UtcRelative)
{
    /// <summary>The expression, marked <c>(UTC-relative)</c> when it was left unchanged.</summary>
    public override string ToString() => UtcRelative ? Expression + " (UTC-relative)" : Expression;
}
