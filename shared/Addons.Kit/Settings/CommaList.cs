namespace Addons.Kit.Settings;

/// <summary>Splits comma lists the way every addon's list settings do.</summary>
internal static class CommaList
{
    /// <summary>
    /// Splits on commas, trims entries and drops empty ones. With <paramref name="keepBraces"/>, a comma
    /// inside <c>{…}</c> does not split and a backslash escapes the next character (both kept as written).
    /// </summary>
    public static List<string> Split(string value, bool keepBraces)
    {
        var result = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length)
            {
                var c = value[i];
                if (keepBraces && c == '\\')
                {
                    i++;
                    continue;
                }

                if (keepBraces && c == '{')
                {
                    depth++;
                }
                else if (keepBraces && c == '}' && depth > 0)
                {
                    depth--;
                }

                if (c != ',' || depth > 0)
                {
                    continue;
                }
            }

            var part = value[start..Math.Min(i, value.Length)].Trim();
            if (part.Length > 0)
            {
                result.Add(part);
            }

            start = i + 1;
        }

        return result;
    }
}
