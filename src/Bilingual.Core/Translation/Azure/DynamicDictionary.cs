using System.Text;
using Bilingual.Core.Text;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// Applies the glossary with Azure's dynamic dictionary markup,
/// <c>&lt;mstrans:dictionary translation="Putin"&gt;Poetin&lt;/mstrans:dictionary&gt;</c>, and maps what the
/// service says about the marked-up text (its <c>srcSentLen</c>) back to the text we were given.
/// </summary>
internal sealed class DynamicDictionary
{
    private const string Close = "</mstrans:dictionary>";

    private readonly GlossaryMatcher terms;

    /// <summary>Creates the dictionary for <paramref name="glossary"/> (source term → required translation).</summary>
    public DynamicDictionary(IReadOnlyDictionary<string, string> glossary)
    {
        // The terms the QA check looks for, found the same way (GlossaryMatcher): what is marked here is what is checked.
        terms = new GlossaryMatcher(glossary);
    }

    /// <summary>
    /// Wraps every glossary term in <paramref name="text"/> in dictionary markup; a name's genitive
    /// (<c>Poetins</c>) is marked with the possessive rendering (<c>Putin's</c>).
    /// </summary>
    /// <returns>The text to send, and the spans the markup added (null when nothing was marked).</returns>
    public (string Text, MarkupMap? Map) Apply(string text)
    {
        if (terms.IsEmpty)
        {
            return (text, null);
        }

        var matches = terms.Matches(text);
        if (matches.Count == 0)
        {
            return (text, null);
        }

        var builder = new StringBuilder(text.Length + (matches.Count * 64));
        var spans = new List<MarkupSpan>(matches.Count);
        var position = 0;
        foreach (var match in matches)
        {
            builder.Append(text, position, match.Start - position);
            var open = $"<mstrans:dictionary translation=\"{AttributeValue(match.RequiredRendering)}\">";
            spans.Add(new MarkupSpan(builder.Length, match.Start, open.Length, match.Length));
            builder.Append(open).Append(text, match.Start, match.Length).Append(Close);
            position = match.End;
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

    /// <summary>One marked term: where its markup starts in the sent text and where the term is in the original.</summary>
    internal readonly record struct MarkupSpan(int SentStart, int OriginalStart, int OpenLength, int TermLength)
    {
        public int SentEnd => SentStart + OpenLength + TermLength + Close.Length;
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
                    added += span.OpenLength + Close.Length;
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
