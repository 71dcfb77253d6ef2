using System.Globalization;

namespace Addons.Karc.Schedules;

/// <summary>
/// One field of a 5-field cron expression as a bit set, plus the items it was written with (kept so
/// day-of-week labels can be rendered the way the user wrote them).
/// </summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly ulong _bits;

    private CronField(ulong bits, bool isStar, IReadOnlyList<CronItem> items)
    {
        _bits = bits;
        IsStar = isStar;
        Items = items;
    }

    /// <summary>True when the field starts with <c>*</c> or <c>?</c> (matters for day-of-month/day-of-week OR semantics).</summary>
    public bool IsStar { get; }

    /// <summary>The comma-separated items, normalised to numbers.</summary>
    public IReadOnlyList<CronItem> Items { get; }

    /// <summary>True when <paramref name="value"/> is selected.</summary>
    public bool Contains(int value) => value is >= 0 and < 64 && (_bits & (1UL << value)) != 0;

    /// <summary>The single value of a field written as one number, else null.</summary>
    public int? SingleValue => Items is [{ From: var f, To: var t, Step: 1 }] && f == t && !IsStar ? f : null;

    /// <summary>Values in descending order within [min, max].</summary>
    public IEnumerable<int> Descending(int min, int max)
    {
        for (var v = max; v >= min; v--)
        {
            if (Contains(v))
            {
                yield return v;
            }
        }
    }

    /// <summary>Values in ascending order within [min, max].</summary>
    public IEnumerable<int> Ascending(int min, int max)
    {
        for (var v = min; v <= max; v++)
        {
            if (Contains(v))
            {
                yield return v;
            }
        }
    }

    /// <summary>Parses a field; <paramref name="kind"/> selects the range and the names accepted.</summary>
    public static CronField? TryParse(string text, CronFieldKind kind)
    {
        var (min, max) = kind switch
        {
            CronFieldKind.Minute => (0, 59),
            CronFieldKind.Hour => (0, 23),
            CronFieldKind.DayOfMonth => (1, 31),
            CronFieldKind.Month => (1, 12),
            _ => (0, 7),
        };

        if (text.Length == 0)
        {
            return null;
        }

        ulong bits = 0;
        var items = new List<CronItem>();
        foreach (var part in text.Split(','))
        {
            var item = ParseItem(part, kind, min, max);
            if (item is null)
            {
                return null;
            }

            for (var v = item.From; v <= item.To; v += item.Step)
            {
                // Sunday is both 0 and 7 in cron; the bit set always uses 0.
                bits |= 1UL << (kind == CronFieldKind.DayOfWeek && v == 7 ? 0 : v);
            }

            items.Add(item);
        }

        return new CronField(bits, text[0] is '*' or '?', items);
    }

    private static CronItem? ParseItem(string part, CronFieldKind kind, int min, int max)
    {
        var step = 1;
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var range = part;
        if (slash >= 0)
        {
            if (!int.TryParse(part.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out step) || step <= 0)
            {
                return null;
            }

            range = part[..slash];
        }

        int from, to;
        if (range is "*" or "?")
        {
            (from, to) = (min, kind == CronFieldKind.DayOfWeek ? 6 : max);
            return new CronItem(from, to, step, IsAll: step == 1);
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            var a = ParseValue(range[..dash], kind);
            var b = ParseValue(range[(dash + 1)..], kind);
            if (a is null || b is null)
            {
                return null;
            }

            (from, to) = (a.Value, b.Value);
        }
        else
        {
            var a = ParseValue(range, kind);
            if (a is null)
            {
                return null;
            }

            // "a/n" means "from a to the end, every n" (as robfig/cron).
            (from, to) = (a.Value, slash >= 0 ? max : a.Value);
        }

        if (from < min || to > max || from > to)
        {
            return null;
        }

        return new CronItem(from, to, step, IsAll: false);
    }

    private static int? ParseValue(string text, CronFieldKind kind)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var names = kind switch
        {
            CronFieldKind.Month => MonthNames,
            CronFieldKind.DayOfWeek => DayNames,
            _ => null,
        };
        if (names is null)
        {
            return null;
        }

        var index = Array.FindIndex(names, x => string.Equals(x, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + (kind == CronFieldKind.Month ? 1 : 0);
    }
}

/// <summary>Which of the five cron fields a <see cref="CronField"/> is.</summary>
internal enum CronFieldKind
{
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}

/// <summary>One comma-separated item of a cron field: a value, a range, or a stepped range.</summary>
internal sealed record CronItem(int From, int To, int Step, bool IsAll);
