using System.Globalization;
using System.Text;

namespace Bilingual.Core.Writing;

/// <summary>HTML encoding for the review page: every character of article text ends up as text, never as markup.</summary>
internal static class ReviewPageHtml
{
    /// <summary>Encodes <paramref name="text"/> for an element's content or a double- or single-quoted attribute.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        EncodeText(builder, text, visibleControls: false);
        return builder.ToString();
    }

    /// <summary>
    /// Appends <paramref name="text"/> encoded. Control characters (which HTML forbids as text) are shown as
    /// their code point (<c>U+0001</c>) in a marked span when <paramref name="visibleControls"/> is set, and
    /// replaced by U+FFFD otherwise; lone surrogates always become U+FFFD.
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
                case '\t' or '\n': builder.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else if (char.IsControl(c))
                    {
                        if (visibleControls)
                        {
                            // Not the Control Pictures block: few fonts have its glyphs.
                            builder.Append("<span class=\"ctl\" title=\"control character\">U+")
                                .Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append("</span>");
                        }
                        else
                        {
                            builder.Append('\uFFFD');
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
