namespace Addons.Karc.Schedules;

/// <summary>
/// Resolves IANA time-zone names. Only ids present in the tz database are accepted: .NET on Linux
/// would also resolve some Windows ids and abbreviations, which karc rejects so a typo never
/// silently means something else.
/// </summary>
internal static class TimeZones
{
    private static readonly byte[] TzifMagic = "TZif"u8.ToArray();

    /// <summary>Resolves <paramref name="id"/>; false when it is not an IANA zone in the tz database.</summary>
    public static bool TryResolve(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Contains("..", StringComparison.Ordinal) || id[0] is '/' or '.' ||
            !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            return false;
        }

        var tzdir = Environment.GetEnvironmentVariable("TZDIR");
        if (string.IsNullOrEmpty(tzdir))
        {
            tzdir = "/usr/share/zoneinfo";
        }

        if (!Directory.Exists(tzdir))
        {
            // Without a tz database only UTC can be honoured.
            return id is "UTC" or "Etc/UTC";
        }

        if (!IsTzifFile(Path.Combine(tzdir, id)))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    /// <summary>The machine's zone when it is a resolvable IANA zone, else UTC.</summary>
    public static TimeZoneInfo LocalOrUtc()
    {
        var tz = Environment.GetEnvironmentVariable("TZ");
        if (!string.IsNullOrEmpty(tz) && TryResolve(tz.TrimStart(':'), out var fromEnv))
        {
            return fromEnv;
        }

        return TryResolve(TimeZoneInfo.Local.Id, out var local) ? local : TimeZoneInfo.Utc;
    }

    private static bool IsTzifFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(TzifMagic);
    }
}
