namespace Addons.Cleaner.Globbing;

/// <summary>The kinds of pieces a compiled glob alternative is made of.</summary>
internal enum GlobTokenKind : byte
{
    /// <summary>Exact UTF-8 bytes.</summary>
    Literal,

    /// <summary><c>*</c>: any run of characters, including <c>/</c> and the empty run.</summary>
    AnyRun,

    /// <summary><c>?</c>: exactly one character (one code point).</summary>
    AnyChar,

    /// <summary><c>[...]</c>: one character from (or, negated, not from) a set of ranges.</summary>
    Class,
}

/// <summary>One piece of a brace-free, <c>**</c>-free glob alternative.</summary>
internal readonly record struct GlobToken(GlobTokenKind Kind, byte[]? Literal = null, GlobClass? Class = null)
{
    public static readonly GlobToken AnyRun = new(GlobTokenKind.AnyRun);
    public static readonly GlobToken AnyChar = new(GlobTokenKind.AnyChar);

    public static GlobToken Text(string text) => new(GlobTokenKind.Literal, System.Text.Encoding.UTF8.GetBytes(text));
}
