using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// Applies the glossary with Azure's dynamic dictionary markup,
/// <c>&lt;mstrans:dictionary translation="Putin"&gt;Poetin&lt;/mstrans:dictionary&gt;</c>, and maps what the
/// service says about the marked-up text (its <c>srcSentLen</c>) back to the text we were given.
/// </summary>
internal sealed class DynamicDictionary
{
    private const string Close = "</mstrans:dictionary>";

    private readonly IReadOnlyDictionary<string, string> glossary;
    private readonly Regex? terms;

    /// <summary>Creates the dictionary for <paramref name="glossary"/> (source term → required translation).</summary>
    public DynamicDictionary(IReadOnlyDictionary<string, string> glossary)
    {
        this.glossary = glossary;
        if (glossary.Count == 0)
        {
            return;
        }

        // Longest terms first so "Vladimir Poetin" wins over "Poetin"; whole words only, case-sensitive.
        var alternatives = glossary.Keys
            .Where(k => k.Length > 0)
            .OrderByDescending(k => k.Length)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Select(Regex.Escape);
        terms = new Regex(
            $@"(?<![\p{{L}}\p{{N}}_])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}_])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Wraps every glossary term in <paramref name="text"/> in dictionary markup.
    /// </summary>
    /// <returns>The text to send, and the spans the markup added (null when nothing was marked).</returns>
    public (string Text, MarkupMap? Map) Apply(string text)
    {
        if (terms is null)
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
        foreach (Match match in matches)
        {
            builder.Append(text, position, match.Index - position);
            var open = $"<mstrans:dictionary translation=\"{WebUtility.HtmlEncode(glossary[match.Value])}\">";
            spans.Add(new MarkupSpan(builder.Length, match.Index, open.Length, match.Length));
            builder.Append(open).Append(match.Value).Append(Close);
            position = match.Index + match.Length;
        }

        builder.Append(text, position, text.Length - position);
        return (builder.ToString(), new MarkupMap(spans, text.Length));
    }

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
