using System.Text;

namespace Addons.Cleaner.Globbing;

/// <summary>One brace-free sequence of tokens with a shape-specific fast path.</summary>
internal sealed class GlobAlternative
{
    private readonly GlobToken[] _tokens;
    private readonly Shape _shape;
    private readonly byte[] _literal = [];

    public GlobAlternative(GlobToken[] tokens)
    {
        _tokens = tokens;
        _shape = tokens switch
        {
            [] => Shape.Empty,
            [{ Kind: GlobTokenKind.AnyRun }] => Shape.Everything,
            [{ Kind: GlobTokenKind.Literal }] => Shape.Exact,
            [{ Kind: GlobTokenKind.AnyRun }, { Kind: GlobTokenKind.Literal }] => Shape.Suffix,
            [{ Kind: GlobTokenKind.Literal }, { Kind: GlobTokenKind.AnyRun }] => Shape.Prefix,
            _ => Shape.General,
        };
        _literal = _shape switch
        {
            Shape.Exact or Shape.Prefix => tokens[0].Literal!,
            Shape.Suffix => tokens[1].Literal!,
            _ => [],
        };
    }

    private enum Shape
    {
        Empty,
        Everything,
        Exact,
        Suffix,
        Prefix,
        General,
    }

    public bool IsMatch(ReadOnlySpan<byte> path) => _shape switch
    {
        Shape.Empty => path.IsEmpty,
        Shape.Everything => true,
        Shape.Exact => path.SequenceEqual(_literal),
        Shape.Suffix => path.EndsWith(_literal),
        Shape.Prefix => path.StartsWith(_literal),
        _ => MatchTokens(_tokens, path),
    };

    /// <summary>
    /// True when the alternative ends in <c>*</c> and the part before it matches
    /// <c>directoryPath + "/"</c>: then any path below the directory matches.
    /// </summary>
    public bool MatchesEverythingBelow(ReadOnlySpan<byte> directoryPath)
    {
        if (_tokens.Length == 0 || _tokens[^1].Kind != GlobTokenKind.AnyRun)
        {
            return false;
        }

        Span<byte> withSlash = directoryPath.Length < 512 ? stackalloc byte[directoryPath.Length + 1] : new byte[directoryPath.Length + 1];
        directoryPath.CopyTo(withSlash);
        withSlash[^1] = (byte)'/';
        return MatchTokens(_tokens.AsSpan(0, _tokens.Length - 1), withSlash);
    }

    private static bool MatchTokens(ReadOnlySpan<GlobToken> tokens, ReadOnlySpan<byte> path)
    {
        int t = 0, p = 0, starToken = -1, starPath = 0;
        while (true)
        {
            if (t < tokens.Length)
            {
                var token = tokens[t];
                switch (token.Kind)
                {
                    case GlobTokenKind.AnyRun:
                        starToken = t++;
                        starPath = p;
                        continue;
                    case GlobTokenKind.Literal when path[p..].StartsWith(token.Literal):
                        p += token.Literal!.Length;
                        t++;
                        continue;
                    case GlobTokenKind.AnyChar when p < path.Length:
                        p += RuneLength(path[p..], out _);
                        t++;
                        continue;
                    case GlobTokenKind.Class when p < path.Length:
                        var width = RuneLength(path[p..], out var codePoint);
                        if (token.Class!.Contains(codePoint))
                        {
                            p += width;
                            t++;
                            continue;
                        }

                        break;
                }
            }
            else if (p == path.Length)
            {
                return true;
            }

            // Mismatch: let the last '*' swallow one more character and retry from just after it.
            if (starToken < 0 || starPath >= path.Length)
            {
                return false;
            }

            starPath += RuneLength(path[starPath..], out _);
            p = starPath;
            t = starToken + 1;
        }
    }

    /// <summary>Width of the code point at the start; an invalid byte counts as one character (U+FFFD).</summary>
    private static int RuneLength(ReadOnlySpan<byte> text, out int codePoint)
    {
        if (text[0] < 0x80)
        {
            codePoint = text[0];
            return 1;
        }

        Rune.DecodeFromUtf8(text, out var rune, out var consumed);
        codePoint = rune.Value;
        return Math.Max(consumed, 1);
    }
}
