using Bilingual.Core.Documents;

namespace Bilingual.Core.Writing;

/// <summary>
/// Writes the target-language edition, <c>&lt;Name&gt;.&lt;TargetLanguage&gt;.txt</c> (<c>.en.txt</c>), in the
/// article format the reader takes in: the metadata line (<c>date 2023-04</c>) when there is one, then one
/// paragraph a line, headings included, with a blank line between paragraphs.
/// </summary>
/// <remarks>
/// When the target is a word-by-word gloss (<see cref="Provenance.IsGloss"/>) the first block after the
/// metadata line is a note in square brackets beginning with <see cref="GlossNotePrefix"/>: an
/// editor sees it before the first sentence, and a tool can recognise and drop it by that prefix.
/// </remarks>
internal sealed class EditionWriter : IDocumentWriter
{
    /// <summary>How the gloss note starts, so tools can recognise it.</summary>
    internal const string GlossNotePrefix = "[Word-by-word gloss from the offline dictionary, not a translation";

    private static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];

    /// <inheritdoc />
    public async Task<string> WriteAsync(BilingualDocument document, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var path = Path.Combine(outputDirectory, $"{document.Name}.{document.TargetLanguage}.txt");
        await AtomicFile.WriteAllTextAsync(path, Render(document), cancellationToken);
        return path;
    }

    /// <summary>The edition text for <paramref name="document"/>, ending with a line feed.</summary>
    internal static string Render(BilingualDocument document)
    {
        var blocks = new List<string>();
        if (OneLine(document.Metadata.ToLine()) is { Length: > 0 } metadata)
        {
            blocks.Add(metadata);
        }

        if (document.Provenance.IsGloss)
        {
            blocks.Add(OneLine($"{GlossNotePrefix}: every word was looked up on its own, so check each sentence before publishing. Backend: {document.Provenance.Backend} {document.Provenance.Version}.]"));
        }

        foreach (var paragraph in document.Paragraphs)
        {
            var text = OneLine(paragraph.TargetText);
            if (text.Length == 0)
            {
                // A paragraph without its own text (e.g. built from sentences only) still shows its sentences.
                text = OneLine(TmxText.JoinSentences(paragraph.TargetSegments.Select(s => s.Text)));
            }

            if (text.Length > 0)
            {
                blocks.Add(text);
            }
        }

        return string.Join("\n\n", blocks) + "\n";
    }

    // A paragraph is one line in the article format: a line break inside one would split it in two.
    private static string OneLine(string? text) =>
        string.Join(' ', TmxText.Clean(text).Split(LineBreaks, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
