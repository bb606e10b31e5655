using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Translation;
using Bilingual.Core.Writing;

namespace Bilingual.Tests.Pipeline;

/// <summary>A translation service that prefixes "EN:" and fails any paragraph containing FAIL.</summary>
internal sealed class PrefixTranslationService : ITranslationService
{
    public int Calls { get; private set; }

    public TranslatorDescriptor Descriptor { get; } = new("fake", "1", "", TranslatorLimits.Unbounded);

    public Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls++;
        var results = paragraphs.Select(p => p.Contains("FAIL", StringComparison.Ordinal)
            ? new ParagraphTranslation(null, false, [1], "the backend refused it (400000)")
            : new ParagraphTranslation(new TranslatedText("EN: " + p), false, [1])).ToList();
        return Task.FromResult(new TranslationBatchResult(results, new TranslationStatistics(1, 1, paragraphs.Sum(p => p.Length), 0, 0, 0)));
    }
}

/// <summary>Splits after ". " so tests do not depend on the real segmenter.</summary>
internal sealed class DotSegmenter : ISentenceSegmenter
{
    public IReadOnlyList<Segment> Split(string text, string language)
    {
        var segments = new List<Segment>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                segments.Add(new Segment(segments.Count, start, text[start..(i + 1)]));
                start = i + 2;
            }
        }

        if (start < text.Length)
        {
            segments.Add(new Segment(segments.Count, start, text[start..]));
        }

        return segments;
    }
}

/// <summary>Pairs sentences one to one, the rest 1-0 or 0-1.</summary>
internal sealed class DiagonalAligner : ISentenceAligner
{
    public IReadOnlyList<Bead> Align(AlignmentInput input)
    {
        var beads = new List<Bead>();
        var count = Math.Max(input.Source.Count, input.Target.Count);
        for (var i = 0; i < count; i++)
        {
            beads.Add(new Bead(i < input.Source.Count ? [i] : [], i < input.Target.Count ? [i] : [], 1.0));
        }

        return beads;
    }
}

/// <summary>Writes the target text; throws for documents whose name contains "explode".</summary>
internal sealed class TextWriterDouble : IDocumentWriter
{
    public async Task<string> WriteAsync(BilingualDocument document, string outputDirectory, CancellationToken cancellationToken)
    {
        if (document.Name.Contains("explode", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("disk full (simulated)");
        }

        var path = Path.Combine(outputDirectory, document.Name + ".out");
        await AtomicFile.WriteAllTextAsync(path, string.Join("\n", document.Paragraphs.Select(p => p.TargetText)), cancellationToken);
        return path;
    }
}
