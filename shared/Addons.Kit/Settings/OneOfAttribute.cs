using System.ComponentModel.DataAnnotations;

namespace Addons.Kit.Settings;

/// <summary>
/// Validates that a string setting is one of a fixed set of words (case-insensitive); the error
/// message lists them, so a configuration error names the accepted values.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class OneOfAttribute : ValidationAttribute
{
    /// <summary>Creates the attribute with the accepted words.</summary>
    public OneOfAttribute(params string[] accepted)
        : base("accepted values: " + string.Join(", ", accepted))
    {
        Accepted = accepted;
    }

    /// <summary>The accepted words.</summary>
    public IReadOnlyList<string> Accepted { get; }

    /// <inheritdoc />
    public override bool IsValid(object? value) =>
        value is null || (value is string text && Accepted.Contains(text, StringComparer.OrdinalIgnoreCase));
}
