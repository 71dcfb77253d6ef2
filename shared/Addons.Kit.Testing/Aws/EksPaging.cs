using System.Globalization;
using System.Text;

namespace Addons.Kit.Testing.Aws;

/// <summary>nextToken paging: an opaque token carrying the offset of the next page.</summary>
internal static class EksPaging
{
    public static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, string? nextToken, string? maxResults, int pageSize)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(nextToken))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(nextToken));
            }
            catch (FormatException)
            {
                throw AwsEmulatorError.Invalid("The nextToken is not valid.");
            }

            if (!decoded.StartsWith("page:", StringComparison.Ordinal) || !int.TryParse(decoded[5..], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                throw AwsEmulatorError.Invalid("The nextToken is not valid.");
            }
        }

        var size = pageSize;
        if (!string.IsNullOrEmpty(maxResults))
        {
            if (!int.TryParse(maxResults, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1 || asked > 100)
            {
                throw AwsEmulatorError.Invalid("maxResults must be between 1 and 100.");
            }

            size = Math.Min(size, asked);
        }

        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < items.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes("page:" + (offset + page.Count).ToString(CultureInfo.InvariantCulture))) : null;
        return (page, next);
    }
}
