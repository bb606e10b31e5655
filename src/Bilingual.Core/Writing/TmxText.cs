using System.Text;
using System.Xml;

namespace Bilingual.Core.Writing;

/// <summary>Makes text safe to write into an XML 1.0 document (and into the plain-text edition).</summary>
internal static class TmxText
{
    /// <summary>
    /// Removes every character XML 1.0 forbids and trims the result: C0 controls other than tab, line feed
    /// and carriage return, lone surrogates, U+FFFE and U+FFFF. Valid surrogate pairs are kept.
    /// </summary>
    /// <remarks>XML 1.0 §2.2 <c>Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]</c>.</remarks>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Joins the cleaned, non-empty <paramref name="parts"/> with a single space.</summary>
    public static string JoinSentences(IEnumerable<string> parts) =>
        string.Join(' ', parts.Select(Clean).Where(part => part.Length > 0));
}
