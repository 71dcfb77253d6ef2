using System.Globalization;

namespace Addons.Kit.Web;

/// <summary>Status code labels without a string allocation per request.</summary>
internal static class StatusCodeLabels
{
    private static readonly string[] Labels = [.. Enumerable.Range(0, 600).Select(code => code.ToString(CultureInfo.InvariantCulture))];

    public static string Of(int status) => Labels[status];
}
