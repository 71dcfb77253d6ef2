using System.Globalization;
using Addons.Kit.Settings;

namespace Addons.Gss.Configuration;

/// <summary>The value types of gss's settings that the kit's <see cref="SettingValues"/> does not have.</summary>
internal static class GssValues
{
    /// <summary>Whole seconds, as the original's variables take them (<c>REQUEST_TIMEOUT=60</c>).</summary>
    public static SettingValue<TimeSpan> Seconds(int min, int max) =>
        new(
            max == int.MaxValue ? $"an integer of at least {min} (seconds)" : $"an integer from {min} to {max} (seconds)",
            (string text, out TimeSpan value) =>
            {
                var ok = int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds >= min && seconds <= max;
                value = TimeSpan.FromSeconds(ok ? seconds : 0);
                return ok;
            },
            static value => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture));

    /// <summary><c>GITHUB_BASE_URL</c>: a GitHub Enterprise Server or github.com URL.</summary>
    public static SettingValue<GitHubServer> GitHubServer() =>
        new("an http(s) URL such as https://ghe.example.com or https://github.com", GitHubUrls.TryNormalize, static server => server.Given);

    /// <summary>An absolute http(s) URL.</summary>
    public static SettingValue<Uri> HttpUrl(string accepted = "an http(s) URL") =>
        new(accepted, static (string text, out Uri value) =>
        {
            var ok = Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            value = ok ? uri! : new Uri("http://invalid");
            return ok;
        }, static value => value.AbsoluteUri);

    /// <summary>An IANA (or system) time zone id.</summary>
    public static SettingValue<string> TimeZoneId() =>
        SettingValues.Text("an IANA time zone such as Asia/Seoul, America/New_York or UTC").Where(
            "an IANA time zone such as Asia/Seoul, America/New_York or UTC",
            static id =>
            {
                try
                {
                    TimeZoneInfo.FindSystemTimeZoneById(id);
                    return true;
                }
                catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
                {
                    return false;
                }
            });
}
