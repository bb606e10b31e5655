using System.Text;
using System.Text.RegularExpressions;
using Bilingual.Core.Text;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// Applies the glossary with Azure's dynamic dictionary markup,
/// <c>&lt;mstrans:dictionary translation="Putin"&gt;Poetin&lt;/mstrans:dictionary&gt;</c>, and maps what the
/// service says about the marked-up text (its <c>srcSentLen</c>) back to the text we were given.
/// </summary>
/// <remarks>
/// The service reads this markup in every text type ("This feature works the same way with and without HTML mode",
/// Translator v3, Dynamic dictionary), so an article that itself holds <c>&lt;mstrans:…&gt;</c> would steer the
/// translation, and with <c>textType=plain</c> there is no escape the service undoes. Such a tag is therefore sent as
/// our own dictionary entry whose required translation is the tag itself, entity-escaped in the attribute: the
/// service sees no markup we did not write, the output carries the tag verbatim, and no glossary term is marked
/// inside it, so our markup never nests.
/// </remarks>
internal sealed partial class DynamicDictionary
{
    private const string Close = "</mstrans:dictionary>";

    private readonly GlossaryMatcher _terms;

    /// <summary>Creates the dictionary for <paramref name="glossary"/> (source term → required translation).</summary>
    public DynamicDictionary(IReadOnlyDictionary<string, string> glossary)
    {
        // The terms the QA check looks for, found the same way (GlossaryMatcher): what is marked here is what is checked.
        _terms = new GlossaryMatcher(glossary);
    }

    /// <summary>
    /// Wraps every glossary term in <paramref name="text"/> in dictionary markup; a name's genitive
    /// (<c>Poetins</c>) is marked with the possessive rendering (<c>Putin's</c>). A literal <c>mstrans</c> tag in the
    /// text is wrapped the same way, with itself as the translation, and no term inside it is marked.
    /// </summary>
    /// <returns>The text to send, and the spans the markup added (null when nothing was marked).</returns>
    public (string Text, MarkupMap? Map) Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var literals = LiteralTag().Matches(text);
        IReadOnlyList<GlossaryMatch> glossary = _terms.IsEmpty ? [] : _terms.Matches(text);
        if (literals.Count == 0 && glossary.Count == 0)
        {
            return (text, null);
        }

        // Literal tags first; a glossary term that overlaps one is not marked (it would nest inside the tag).
        var marks = literals.Select(m => (Start: m.Index, m.Length, Translation: m.Value, Literal: true)).ToList();
        foreach (var match in glossary)
        {
            if (!marks.Any(l => l.Literal && match.Start < l.Start + l.Length && l.Start < match.End))
            {
                marks.Add((match.Start, match.Length, match.RequiredRendering, false));
            }
        }

        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(text.Length + (marks.Count * 64));
        var spans = new List<MarkupSpan>(marks.Count);
        var position = 0;
        foreach (var (start, length, translation, literal) in marks)
        {
            builder.Append(text, position, start - position);
            var open = $"<mstrans:dictionary translation=\"{AttributeValue(translation)}\">";
            // The phrase a literal tag is sent as holds no '<' or '>': it is replaced by the translation anyway.
            var phrase = literal ? AttributeValue(text.Substring(start, length)) : text.Substring(start, length);
            spans.Add(new MarkupSpan(builder.Length, start, open.Length, length, phrase.Length));
            builder.Append(open).Append(phrase).Append(Close);
            position = start + length;
        }

        builder.Append(text, position, text.Length - position);
        return (builder.ToString(), new MarkupMap(spans, text.Length));
    }

    // The attribute is double-quoted: only & " < > need escaping, and an apostrophe (Putin's) goes as it is.
    private static string AttributeValue(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// A tag the service would read as dictionary markup, in any case and spacing: <c>&lt;mstrans:…&gt;</c> or
    /// <c>&lt;/mstrans:…&gt;</c>, to its closing bracket (or to the next <c>&lt;</c> or the end when it has none).
    /// </summary>
    [GeneratedRegex(@"<\s*/?\s*mstrans\s*:[^<>]*>?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiteralTag();

    /// <summary>
    /// One marked term: where its markup starts in the sent text, where the term is in the original and how long it
    /// is there, and how long the phrase between the tags is in the sent text (a literal tag is sent escaped, longer).
    /// </summary>
    internal readonly record struct MarkupSpan(int SentStart, int OriginalStart, int OpenLength, int TermLength, int SentTermLength)
    {
        public int SentEnd => SentStart + OpenLength + SentTermLength + Close.Length;

        public int Added => OpenLength + (SentTermLength - TermLength) + Close.Length;
    }

    /// <summary>Maps offsets in the marked-up text back to offsets in the original.</summary>
    internal sealed class MarkupMap(IReadOnlyList<MarkupSpan> spans, int originalLength)
    {
        /// <summary>
        /// Converts sentence lengths measured on the sent text into lengths on the original text: each sentence
        /// end is mapped back (an end inside markup moves to the end of its term), and the last sentence ends
        /// where the original ends.
        /// </summary>
        public IReadOnlyList<int> MapLengths(IReadOnlyList<int> sentLengths)
        {
            var result = new int[sentLengths.Count];
            var sentEnd = 0;
            var previous = 0;
            for (var i = 0; i < sentLengths.Count; i++)
            {
                sentEnd += sentLengths[i];
                var end = i == sentLengths.Count - 1 ? originalLength : Math.Min(ToOriginal(sentEnd), originalLength);
                end = Math.Max(end, previous);
                result[i] = end - previous;
                previous = end;
            }

            return result;
        }

        private int ToOriginal(int sentOffset)
        {
            var added = 0;
            foreach (var span in spans)
            {
                if (sentOffset >= span.SentEnd)
                {
                    added += span.Added;
                    continue;
                }

                if (sentOffset > span.SentStart)
                {
                    return span.OriginalStart + span.TermLength;
                }

                break;
            }

            return sentOffset - added;
        }
    }
}
