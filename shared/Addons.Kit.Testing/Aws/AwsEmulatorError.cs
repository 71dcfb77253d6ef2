namespace Addons.Kit.Testing.Aws;

/// <summary>An AWS error answer: status, code, message (thrown inside the emulator, rendered per protocol).</summary>
internal sealed class AwsEmulatorError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public TimeSpan? RetryAfter { get; init; }

    public static AwsEmulatorError NotFound(string message) => new(404, "ResourceNotFoundException", message);

    public static AwsEmulatorError Invalid(string message) => new(400, "InvalidParameterException", message);
}
