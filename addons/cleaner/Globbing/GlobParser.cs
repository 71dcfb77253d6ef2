using System.Text;

namespace Addons.Cleaner.Globbing;

/// <summary>
/// Turns one glob pattern into a list of brace-free, <c>**</c>-free alternatives (token sequences).
/// </summary>
/// <remarks>
/// Semantics (those of the original, which mirror the Rust globset crate with
/// <c>literal_separator=false</c>): the pattern is split at <c>/</c> into components; a component that
/// is exactly <c>**</c> is recursive — leading <c>**/</c> means "zero or more leading directories",
/// trailing <c>/**</c> means "<c>/</c> and anything after it", a middle <c>/**/</c> means "<c>/</c> or
/// <c>/…/</c>", a lone <c>**</c> means anything. Elsewhere <c>*</c> (any number of stars) matches any run
/// including <c>/</c>, <c>?</c> one character, <c>[...]</c> a class, <c>{a,b}</c> alternatives (nestable; a
/// comma outside braces is literal), <c>\x</c> a literal x. Braces and recursive components are expanded
/// here so the matcher only ever sees plain sequences.
/// </remarks>
internal static class GlobParser
{
    /// <summary>Upper bound on expanded alternatives, so a hostile pattern cannot exhaust memory.</summary>
    private const int MaxAlternatives = 4096;

    public static List<GlobToken[]> Parse(string pattern)
    {
        var components = pattern.Split('/');
        var result = new List<List<GlobToken>> { new() };
        for (var index = 0; index < components.Length; index++)
        {
            var component = components[index];
            var first = index == 0;
            var last = index == components.Length - 1;
            List<List<GlobToken>> options;
            if (component == "**")
            {
                options = RecursiveOptions(first, last);
            }
            else
            {
                options = ParseComponent(pattern, component);
                if (!first && components[index - 1] != "**")
                {
                    // The separator between two ordinary components.
                    foreach (var option in options)
                    {
                        option.Insert(0, GlobToken.Text("/"));
                    }
                }
            }

            result = Product(pattern, result, options);
        }

        return result.Select(Normalize).Distinct(TokenSequenceComparer.Instance).ToList();
    }

    private static List<List<GlobToken>> RecursiveOptions(bool first, bool last)
    {
        if (first && last)
        {
            return [[GlobToken.AnyRun]];
        }

        if (first)
        {
            // (?:.*/)? — nothing, or any run ending in a separator.
            return [[], [GlobToken.AnyRun, GlobToken.Text("/")]];
        }

        if (last)
        {
            // /.* — a separator and then anything.
            return [[GlobToken.Text("/"), GlobToken.AnyRun]];
        }

        // /(?:.*/)? — one separator, or a separator, any run, a separator.
        return [[GlobToken.Text("/")], [GlobToken.Text("/"), GlobToken.AnyRun, GlobToken.Text("/")]];
    }

    private static List<List<GlobToken>> ParseComponent(string pattern, string component)
    {
        var index = 0;
        var options = ParseSequence(pattern, component, ref index, depth: 0);
        if (index < component.Length)
        {
            // ParseSequence at depth 0 only stops early on a '}' without an opening brace.
            throw new GlobSyntaxException(pattern, "unmatched closing brace '}'");
        }

        return options;
    }

    private static List<List<GlobToken>> ParseSequence(string pattern, string text, ref int index, int depth)
    {
        var current = new List<List<GlobToken>> { new() };
        var literal = new StringBuilder();

        void FlushLiteral()
        {
            if (literal.Length == 0)
            {
                return;
            }

            var token = GlobToken.Text(literal.ToString());
            foreach (var option in current)
            {
                option.Add(token);
            }

            literal.Clear();
        }

        void Append(GlobToken token)
        {
            FlushLiteral();
            foreach (var option in current)
            {
                option.Add(token);
            }
        }

        while (index < text.Length)
        {
            var c = text[index];
            switch (c)
            {
                case '*':
                    Append(GlobToken.AnyRun);
                    while (index < text.Length && text[index] == '*')
                    {
                        index++;
                    }

                    break;
                case '?':
                    Append(GlobToken.AnyChar);
                    index++;
                    break;
                case '[':
                    Append(new GlobToken(GlobTokenKind.Class, Class: ParseClass(pattern, text, ref index)));
                    break;
                case '{':
                    index++;
                    FlushLiteral();
                    var alternatives = ParseAlternatives(pattern, text, ref index, depth + 1);
                    current = Product(pattern, current, alternatives);
                    break;
                case '}':
                    // Closes the caller's brace group; at depth 0 the caller reports it as unmatched.
                    FlushLiteral();
                    return current;
                case ',' when depth > 0:
                    FlushLiteral();
                    return current;
                case '\\':
                    if (index + 1 >= text.Length)
                    {
                        throw new GlobSyntaxException(pattern, "trailing backslash escapes nothing");
                    }

                    AppendEscaped(literal, text, index + 1, out var width);
                    index += 1 + width;
                    break;
                default:
                    literal.Append(c);
                    index++;
                    break;
            }
        }

        if (depth > 0)
        {
            throw new GlobSyntaxException(pattern, "unclosed brace '{'");
        }

        FlushLiteral();
        return current;
    }

    private static List<List<GlobToken>> ParseAlternatives(string pattern, string text, ref int index, int depth)
    {
        var result = new List<List<GlobToken>>();
        while (true)
        {
            result.AddRange(ParseSequence(pattern, text, ref index, depth));
            if (index >= text.Length)
            {
                throw new GlobSyntaxException(pattern, "unclosed brace '{'");
            }

            var separator = text[index++];
            if (separator == '}')
            {
                return result;
            }
        }
    }

    private static void AppendEscaped(StringBuilder literal, string text, int index, out int width)
    {
        // Keep a surrogate pair together so "\😀" stays one character.
        width = char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        literal.Append(text, index, width);
    }

    private static GlobClass ParseClass(string pattern, string text, ref int index)
    {
        var i = index + 1;
        var negated = false;
        if (i < text.Length && text[i] is '!' or '^')
        {
            negated = true;
            i++;
        }

        var codePoints = new List<int>();
        var start = i;
        while (i < text.Length)
        {
            // A ']' right after the opening bracket (or its negation) is a member, not the end.
            if (text[i] == ']' && i > start)
            {
                index = i + 1;
                return new GlobClass(ToRanges(pattern, codePoints), negated);
            }

            var rune = Rune.GetRuneAt(text, i);
            codePoints.Add(rune.Value);
            i += rune.Utf16SequenceLength;
        }

        throw new GlobSyntaxException(pattern, "unclosed character class '['");
    }

    private static (int Low, int High)[] ToRanges(string pattern, List<int> members)
    {
        const int Dash = '-';
        var ranges = new List<(int Low, int High)>();
        for (var i = 0; i < members.Count; i++)
        {
            // "a-z" is a range; a '-' first or last is itself a member.
            if (i + 2 < members.Count && members[i + 1] == Dash)
            {
                var (low, high) = (members[i], members[i + 2]);
                if (low > high)
                {
                    throw new GlobSyntaxException(pattern, $"invalid character class range '{char.ConvertFromUtf32(low)}-{char.ConvertFromUtf32(high)}'");
                }

                ranges.Add((low, high));
                i += 2;
            }
            else
            {
                ranges.Add((members[i], members[i]));
            }
        }

        return [.. ranges];
    }

    private static List<List<GlobToken>> Product(string pattern, List<List<GlobToken>> heads, List<List<GlobToken>> tails)
    {
        if ((long)heads.Count * tails.Count > MaxAlternatives)
        {
            throw new GlobSyntaxException(pattern, $"expands to more than {MaxAlternatives} alternatives");
        }

        var result = new List<List<GlobToken>>(heads.Count * tails.Count);
        foreach (var head in heads)
        {
            foreach (var tail in tails)
            {
                result.Add([.. head, .. tail]);
            }
        }

        return result;
    }

    /// <summary>Merges adjacent literals and adjacent runs so the matcher does less work.</summary>
    private static GlobToken[] Normalize(List<GlobToken> tokens)
    {
        var result = new List<GlobToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (result.Count > 0)
            {
                var previous = result[^1];
                if (token.Kind == GlobTokenKind.AnyRun && previous.Kind == GlobTokenKind.AnyRun)
                {
                    continue;
                }

                if (token.Kind == GlobTokenKind.Literal && previous.Kind == GlobTokenKind.Literal)
                {
                    result[^1] = new GlobToken(GlobTokenKind.Literal, [.. previous.Literal!, .. token.Literal!]);
                    continue;
                }
            }

            if (token.Kind == GlobTokenKind.Literal && token.Literal!.Length == 0)
            {
                continue;
            }

            result.Add(token);
        }

        return [.. result];
    }

    private sealed class TokenSequenceComparer : IEqualityComparer<GlobToken[]>
    {
        public static readonly TokenSequenceComparer Instance = new();

        public bool Equals(GlobToken[]? x, GlobToken[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return ReferenceEquals(x, y);
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (x[i].Kind != y[i].Kind || !ReferenceEquals(x[i].Class, y[i].Class)
                    || !(x[i].Literal ?? []).AsSpan().SequenceEqual(y[i].Literal ?? []))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(GlobToken[] obj) => obj.Length;
    }
}
