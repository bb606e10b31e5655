using System.Globalization;
using System.Text;

namespace Bilingual.Core.Writing;

/// <summary>HTML encoding for the review page: every character of article text ends up as text, never as markup.</summary>
internal static class ReviewPageHtml
{
    /// <summary>The visible name of a bead's confidence: it is the aligner's, and reviewers read "confidence" alone as a quality score.</summary>
    public const string ConfidenceLabel = "Alignment confidence";

    /// <summary>What the confidence measures, shown as a tooltip on its column and summary card.</summary>
    public const string ConfidenceExplanation =
        "How sure the aligner is that the source and target sentences of a row belong together (0 to 1). It does not measure translation quality: a wrong translation can be aligned with confidence 1.";

    /// <summary>Encodes <paramref name="text"/> for an element's content or a double- or single-quoted attribute.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        EncodeText(builder, text, visibleControls: false);
        return builder.ToString();
    }

    /// <summary>
    /// Appends <paramref name="text"/> encoded. Characters HTML and XML forbid as text (C0 controls other than
    /// tab and line feed, U+FFFE, U+FFFF, lone surrogates) are dropped from the text; when
    /// <paramref name="visibleControls"/> is set each leaves an empty, titled badge whose code point the style
    /// sheet shows, so the reviewer sees where one was while the text itself stays clean.
    /// </summary>
    public static void EncodeText(StringBuilder builder, ReadOnlySpan<char> text, bool visibleControls = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r' or '\u2028' or '\u2029': builder.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        if (visibleControls)
                        {
                            var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                            builder.Append("<span class=\"ctl\" data-code=\"").Append(code)
                                .Append("\" title=\"removed character ").Append(code).Append("\"></span>");
                        }
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
