namespace Bilingual.Core.Documents;

/// <summary>What a quality check found wrong with an aligned pair, in the vocabulary of QA reports.</summary>
public enum QualityFlagKind
{
    /// <summary>A number, date or amount on one side is missing or different on the other.</summary>
    Number,

    /// <summary>A glossary term in the source is not rendered with its configured translation.</summary>
    Glossary,

    /// <summary>The target is the source text, unchanged or largely so.</summary>
    Untranslated,

    /// <summary>Quotation marks are balanced on one side and not on the other.</summary>
    Quotes,

    /// <summary>Brackets are balanced on one side and not on the other.</summary>
    Brackets,

    /// <summary>The two sides end with different sentence punctuation.</summary>
    Punctuation,

    /// <summary>The target is far shorter or longer than the source.</summary>
    Length,

    /// <summary>One side is empty: an omission or an addition.</summary>
    Empty,
}

/// <summary>A range of UTF-16 code units in a text.</summary>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset just past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>One finding of a quality check on an aligned pair (a bead).</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Message">A one-line explanation for the reviewer, in English.</param>
/// <param name="SourceSpans">Where the problem shows in the source text (may be empty).</param>
/// <param name="TargetSpans">Where the problem shows in the target text (may be empty).</param>
public sealed record QualityFlag(
    QualityFlagKind Kind,
    string Message,
    IReadOnlyList<TextSpan> SourceSpans,
    IReadOnlyList<TextSpan> TargetSpans)
{
    /// <summary>The kind as the review page and reports write it: <c>number</c>, <c>glossary</c> …</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
