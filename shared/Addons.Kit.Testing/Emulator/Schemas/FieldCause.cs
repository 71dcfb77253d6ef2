namespace Addons.Kit.Testing.Emulator.Schemas;

/// <summary>
/// One field error of a 422 Invalid answer, as the real server's <c>details.causes</c> entry:
/// <c>reason</c> (FieldValueInvalid, FieldValueRequired, ...), <c>message</c> (without the field) and <c>field</c>.
/// </summary>
internal sealed record FieldCause(string Reason, string Field, string Message)
{
    /// <summary>"field: message", the form the Status message and kubectl print.</summary>
    public override string ToString() => Field + ": " + Message;
}
