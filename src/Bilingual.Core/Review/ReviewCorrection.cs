using System.Text;
using System.Xml;

namespace Bilingual.Core.Review;

/// <summary>
/// A reviewer's decision on one aligned pair, as the translation memory keeps it: keyed by language pair
/// and source text, so it applies wherever that source sentence comes back.
/// </summary>
/// <param name="SourceLanguage">The source language tag, e.g. <c>nl</c>.</param>
/// <param name="TargetLanguage">The target language tag, e.g. <c>en</c>.</param>
/// <param name="SourceText">The bead's source sentences joined by single spaces.</param>
/// <param name="TargetText">The target text the reviewer approved or wrote.</param>
/// <param name="Status">One of <see cref="ReviewStatus.Accepted"/>, <see cref="ReviewStatus.NeedsReview"/>, <see cref="ReviewStatus.Corrected"/>.</param>
/// <param name="Reviewer">Who decided, or null.</param>
/// <param name="ChangedAt">When (UTC).</param>
/// <param name="Comment">The reviewer's comment, or null.</param>
public sealed record ReviewCorrection(
    string SourceLanguage,
    string TargetLanguage,
    string SourceText,
    string TargetText,
    string Status,
    string? Reviewer,
    DateTimeOffset ChangedAt,
    string? Comment = null)
{
    /// <summary>The store key of <see cref="SourceText"/>: see <see cref="ReviewStatus.KeyOf"/>.</summary>
    public string Key => ReviewStatus.KeyOf(SourceText);
}

/// <summary>The review statuses of <see cref="Documents.ReviewMark.Status"/>, and the key corrections are found by.</summary>
public static class ReviewStatus
{
    /// <summary>The target is right as it is.</summary>
    public const string Accepted = "accepted";

    /// <summary>The target needs another look.</summary>
    public const string NeedsReview = "needs-review";

    /// <summary>The reviewer rewrote the target.</summary>
    public const string Corrected = "corrected";

    /// <summary>True for one of the three statuses.</summary>
    public static bool IsKnown(string? status) => status is Accepted or NeedsReview or Corrected;

    /// <summary>
    /// The lookup key of a source text: whitespace runs collapsed to one space, trimmed, and characters that
    /// XML 1.0 cannot carry dropped, so that a text that went through a TMX file finds its correction again.
    /// </summary>
    public static string KeyOf(string sourceText)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        var builder = new StringBuilder(sourceText.Length);
        var pendingSpace = false;
        for (var i = 0; i < sourceText.Length; i++)
        {
            var c = sourceText[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (i + 1 < sourceText.Length && XmlConvert.IsXmlSurrogatePair(sourceText[i + 1], c))
            {
                AppendPending(builder, ref pendingSpace);
                builder.Append(c).Append(sourceText[++i]);
                continue;
            }

            if (!XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            AppendPending(builder, ref pendingSpace);
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AppendPending(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }
    }
}
