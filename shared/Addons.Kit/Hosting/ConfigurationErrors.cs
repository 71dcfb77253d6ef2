using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Hosting;

/// <summary>
/// Turns options binding and validation failures into the one line an operator reads:
/// <c>configuration error: Health:Port: accepted values: an integer from 0 to 65535 (0 = off)</c>.
/// Values are never echoed: a setting may hold a secret.
/// </summary>
internal static partial class ConfigurationErrors
{
    /// <summary>The line, or null if <paramref name="exception"/> is not a configuration error.</summary>
    public static string? TryFormat(Exception exception, IReadOnlyDictionary<Type, string> sections)
    {
        var messages = new List<string>();
        Collect(exception, sections, messages);
        return messages.Count == 0 ? null : "configuration error: " + string.Join("; ", messages.Distinct());
    }

    private static void Collect(Exception exception, IReadOnlyDictionary<Type, string> sections, List<string> messages)
    {
        switch (exception)
        {
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, sections, messages);
                }

                break;
            case OptionsValidationException validation:
                var section = SectionOf(validation.OptionsType, sections);
                messages.AddRange(validation.Failures.Select(failure => Describe(section, failure)));
                break;
            case Kubernetes.Config.KubeConfigException:
                // Names the file or context that is wrong; kubeconfig errors never quote credentials.
                messages.Add($"{KubernetesOptions.Section}: {exception.Message}");
                break;
            case InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match:
                messages.Add($"{match.Groups["key"].Value}: accepted values: {Describe(match.Groups["type"].Value)}");
                break;
            default:
                if (exception.InnerException is { } innerException)
                {
                    Collect(innerException, sections, messages);
                }

                break;
        }
    }

    /// <summary>Options types map to sections by registration, else by convention (<c>HealthOptions</c> → <c>Health</c>).</summary>
    private static string SectionOf(Type optionsType, IReadOnlyDictionary<Type, string> sections) =>
        sections.TryGetValue(optionsType, out var section)
            ? section
            : optionsType.Name.EndsWith("Options", StringComparison.Ordinal) ? optionsType.Name[..^"Options".Length] : optionsType.Name;

    // Source-generated validators report "<member>: <message>" or, from DataAnnotations,
    // "Validation failed for members: '<member>' with the error: '<message>'."
    private static string Describe(string section, string failure)
    {
        if (failure.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
        {
            // Already names its setting (the leader elector's own validation does).
            return failure;
        }

        var dataAnnotations = DataAnnotationsFailure().Match(failure);
        if (dataAnnotations.Success)
        {
            return $"{Key(section, dataAnnotations.Groups["member"].Value)}: {dataAnnotations.Groups["message"].Value}";
        }

        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !failure[..colon].Contains(' ', StringComparison.Ordinal)
            ? $"{Key(section, failure[..colon])}: {failure[(colon + 2)..]}"
            : $"{section}: {failure}";
    }

    private static string Key(string section, string member) =>
        member.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) ? member : $"{section}:{member.Replace('.', ':')}";

    private static string Describe(string typeName) => typeName switch
    {
        "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" => "an integer",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:00:30",
        "System.Uri" => "an absolute URI",
        _ => "a value of type " + typeName,
    };

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    [GeneratedRegex("members: '(?<member>[^']+)' with the error: '(?<message>.*)'\\.?$")]
    private static partial Regex DataAnnotationsFailure();
}
