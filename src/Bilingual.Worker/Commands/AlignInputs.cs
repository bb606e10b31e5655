using Bilingual.Core.Documents;
using Bilingual.Core.Reading;
using Bilingual.Core.Segmentation;

namespace Bilingual.Worker.Commands;

/// <summary>One side of an alignment job as read from disk: its paragraphs and their sentences.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Metadata">The article's metadata (a <c>date</c> token before the first paragraph), or none.</param>
/// <param name="Paragraphs">The paragraphs in order.</param>
internal sealed record AlignSide(string Path, ArticleMetadata Metadata, IReadOnlyList<AlignParagraph> Paragraphs)
{
    /// <summary>The sentences of each paragraph, as the aligner takes them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sentences => [.. Paragraphs.Select(p => (IReadOnlyList<string>)[.. p.Segments.Select(s => s.Text)])];

    /// <summary>The number of sentences in all.</summary>
    public int SentenceCount => Paragraphs.Sum(p => p.Segments.Count);
}

/// <summary>A paragraph of one side: its text and its sentences with their offsets in the text.</summary>
/// <param name="Text">The paragraph text.</param>
/// <param name="Segments">The sentences.</param>
internal sealed record AlignParagraph(string Text, IReadOnlyList<Segment> Segments);

/// <summary>A problem with an input file, reported with the file's name and exit code 2.</summary>
internal sealed class AlignInputException(string message) : Exception(message);

/// <summary>Reads the files of the align command: presegmented (one sentence a line) or articles (paragraphs segmented here).</summary>
internal static class AlignInputs
{
    /// <summary>
    /// Reads a presegmented file: one sentence a line, blank lines between paragraphs. Sentence indices count
    /// the non-blank lines of the whole file from 0, as Vecalign's format does.
    /// </summary>
    public static AlignSide ReadPresegmented(string path)
    {
        var paragraphs = new List<AlignParagraph>();
        var current = new List<string>();
        foreach (var line in ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush(paragraphs, current);
                continue;
            }

            current.Add(line.Trim());
        }

        Flush(paragraphs, current);
        return new AlignSide(path, ArticleMetadata.None, paragraphs);
    }

    /// <summary>
    /// Reads an article: paragraphs separated by blank lines (lines within a paragraph joined), an optional
    /// <c>date YYYY-MM[-DD]</c> token first, each paragraph split into sentences by <paramref name="segmenter"/>.
    /// </summary>
    public static AlignSide ReadArticle(string path, ISentenceSegmenter segmenter, string language)
    {
        var text = string.Join('\n', ReadLines(path));
        try
        {
            // The article format is the translate job's: one reader for both.
            var article = ArticleReader.Parse(path, text, new ReadingOptions().MaxHeadingLength, language);
            return new AlignSide(path, article.Metadata, [.. article.Paragraphs.Select(p => new AlignParagraph(p.Text, segmenter.Split(p.Text, language)))]);
        }
        catch (ArticleFormatException e)
        {
            throw new AlignInputException(e.Message);
        }
    }

    /// <summary>
    /// The bridge sentences for <paramref name="source"/>. A presegmented bridge is a line-by-line translation of
    /// the source file: line n translates line n (a blank line for an untranslated sentence is allowed); or it
    /// may leave out the source's blank lines. An article bridge is segmented like the source; a paragraph whose
    /// sentence count differs from the source's is compared without its bridge.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadBridge(string path, AlignSide source, bool presegmented, ISentenceSegmenter? segmenter, string language)
    {
        if (presegmented)
        {
            var bridgeLines = ReadLines(path);
            var sourceLines = ReadLines(source.Path);
            List<string> aligned;
            if (bridgeLines.Count == sourceLines.Count || (bridgeLines.Count == sourceLines.Count + 1 && bridgeLines[^1].Length == 0))
            {
                aligned = [.. sourceLines.Select((line, n) => (line, n)).Where(x => !string.IsNullOrWhiteSpace(x.line)).Select(x => bridgeLines[x.n].Trim())];
            }
            else
            {
                var nonBlank = bridgeLines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();
                if (nonBlank.Count != source.SentenceCount)
                {
                    throw new AlignInputException(
                        $"{path}: the bridge has {bridgeLines.Count} lines ({nonBlank.Count} not blank); it must translate {source.Path} line by line ({sourceLines.Count} lines, {source.SentenceCount} sentences)");
                }

                aligned = nonBlank;
            }

            var result = new List<IReadOnlyList<string>>();
            var k = 0;
            foreach (var paragraph in source.Paragraphs)
            {
                result.Add(aligned.GetRange(k, paragraph.Segments.Count));
                k += paragraph.Segments.Count;
            }

            return result;
        }

        var bridge = ReadArticle(path, segmenter!, language);
        if (bridge.Paragraphs.Count != source.Paragraphs.Count)
        {
            throw new AlignInputException($"{path}: the bridge has {bridge.Paragraphs.Count} paragraphs, {source.Path} has {source.Paragraphs.Count}");
        }

        return [.. source.Paragraphs.Zip(bridge.Paragraphs, (s, b) => (IReadOnlyList<string>)(b.Segments.Count == s.Segments.Count
            ? [.. b.Segments.Select(x => x.Text)]
            : [.. s.Segments.Select(x => x.Text)]))];
    }

    private static List<string> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new AlignInputException($"{path}: no such file");
        }

        try
        {
            return [.. File.ReadAllLines(path)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AlignInputException($"{path}: cannot be read: {e.Message}");
        }
    }

    private static void Flush(List<AlignParagraph> paragraphs, List<string> sentences)
    {
        if (sentences.Count == 0)
        {
            return;
        }

        // The paragraph text is its sentences joined by a space; each segment's offset points into it.
        var segments = new List<Segment>();
        var offset = 0;
        foreach (var sentence in sentences)
        {
            segments.Add(new Segment(segments.Count, offset, sentence));
            offset += sentence.Length + 1;
        }

        paragraphs.Add(new AlignParagraph(string.Join(' ', sentences), segments));
        sentences.Clear();
    }
}
