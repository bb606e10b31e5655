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
    /// their Control Pictures (U+2400 block) in a titled span when <paramref name="visibleControls"/> is set,
    /// and replaced by U+FFFD otherwise; so are lone surrogates.
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
                            var picture = c < 0x20 ? (char)(0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD';
                            builder.Append("<span class=\"ctl\" title=\"control character U+")
                                .Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append("\">")
                                .Append(picture).Append("</span>");
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
