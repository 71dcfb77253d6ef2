namespace Addons.Cleaner.Globbing;

/// <summary>
/// A character class such as <c>[a-z]</c>, <c>[!a]</c> or <c>[^a]</c>, over code points. Like the
/// original, a negated class also matches <c>/</c>.
/// </summary>
internal sealed class GlobClass
{
    private readonly (int Low, int High)[] _ranges;

    public GlobClass((int Low, int High)[] ranges, bool negated)
    {
        _ranges = ranges;
        Negated = negated;
    }

    public bool Negated { get; }

    public bool Contains(int codePoint)
    {
        var inSet = false;
        foreach (var (low, high) in _ranges)
        {
            if (codePoint >= low && codePoint <= high)
            {
                inSet = true;
                break;
            }
        }

        return inSet != Negated;
    }
}
