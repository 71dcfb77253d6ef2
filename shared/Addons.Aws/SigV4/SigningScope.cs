using System.Globalization;

namespace Addons.Aws.SigV4;

/// <summary>The time, region and service a SigV4 signature is bound to.</summary>
/// <param name="Time">The signing time (X-Amz-Date), UTC.</param>
/// <param name="Region">The region, e.g. us-east-1.</param>
/// <param name="Service">The signing name of the service, e.g. eks or sts.</param>
public readonly record struct SigningScope(DateTimeOffset Time, string Region, string Service)
{
    /// <summary>yyyyMMdd of <see cref="Time"/> in UTC.</summary>
    public string Date => Time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The X-Amz-Date value: yyyyMMddTHHmmssZ.</summary>
    public string AmzDate => Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>date/region/service/aws4_request.</summary>
    public string CredentialScope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses an X-Amz-Date value (yyyyMMddTHHmmssZ), or null when malformed.</summary>
    public static DateTimeOffset? ParseAmzDate(string? value) =>
        DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
