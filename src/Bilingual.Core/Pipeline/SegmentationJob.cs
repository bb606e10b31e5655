using Bilingual.Core.Documents;
using Bilingual.Core.Reading;
using Bilingual.Core.Segmentation;

namespace Bilingual.Core.Pipeline;

/// <inheritdoc cref="ISegmentationJob" />
internal sealed class SegmentationJob(IArticleReader reader, ISentenceSegmenter segmenter) : ISegmentationJob
{
    /// <inheritdoc />
    public async Task<SegmentedText> SegmentArticleAsync(string path, string language, CancellationToken cancellationToken) =>
        Segment(await reader.ReadAsync(path, language, cancellationToken));

    /// <inheritdoc />
    public SegmentedText SegmentArticle(string name, string text, string language) => Segment(reader.Parse(name, text, language));

    /// <inheritdoc />
    public IReadOnlyList<Segment> SegmentPlain(string text, string language) => segmenter.Split(text, language);

    private SegmentedText Segment(Article article) => new(article.SourcePath, article.Metadata, [.. article.Paragraphs.Select(p =>
        new SegmentedParagraph(p.Index, p.Text, p.IsHeading, p.IsHeading ? [new Segment(0, 0, p.Text)] : segmenter.Split(p.Text, article.Language)))]);
}
