namespace Addons.Aws;

/// <summary>
/// The AWS_* environment variables as one injectable value (tests pass a dictionary), with the region and
/// endpoint rules of the AWS SDKs: region = explicit value, else AWS_REGION, else AWS_DEFAULT_REGION;
/// endpoint = AWS_ENDPOINT_URL_&lt;SERVICE&gt;, else AWS_ENDPOINT_URL, else the public regional endpoint
/// (both ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true).
/// </summary>
public sealed class AwsEnvironment(Func<string, string?> lookup)
{
    /// <summary>The process environment.</summary>
    public static AwsEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>An environment made of exactly these variables.</summary>
    public static AwsEnvironment From(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new(name => variables.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>The variable's value, null when unset or empty.</summary>
    public string? Get(string name) => lookup(name) is { Length: > 0 } value ? value : null;

    /// <summary>The region to use; throws naming the settings when there is none.</summary>
    public string Region(string? explicitRegion = null)
    {
        var region = explicitRegion is { Length: > 0 } ? explicitRegion : Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION")
            ?? throw new AwsConfigurationException("no AWS region: set the region explicitly (spec.region) or AWS_REGION");
        if (!region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new AwsConfigurationException($"AWS region '{region}' is not valid: expected lower-case letters, digits and '-', e.g. us-east-1");
        }

        return region;
    }

    /// <summary>The endpoint of <paramref name="serviceId"/> ("EKS", "STS") in <paramref name="region"/>.</summary>
    public Uri Endpoint(string serviceId, string endpointPrefix, string region)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        if (!string.Equals(Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var name = "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_');
            foreach (var variable in new[] { name, "AWS_ENDPOINT_URL" })
            {
                if (Get(variable) is { } configured)
                {
                    return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                        ? uri
                        : throw new AwsConfigurationException($"{variable}='{configured}' is not an absolute http(s) URL");
                }
            }
        }

        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{endpointPrefix}.{region}.{suffix}");
    }
}
