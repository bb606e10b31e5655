using Bilingual.Core.Documents;
using Bilingual.Core.Reading;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// The segment job: an article split into sentences paragraph by paragraph (the metadata token and headings
/// kept out of the sentences, as the translate job reads it), or a plain text split as it stands.
/// </summary>
internal interface ISegmentationJob
{
    /// <summary>Reads the article at <paramref name="path"/> and splits every paragraph; a heading stays one segment.</summary>
    /// <exception cref="ArticleFormatException">The file is not a readable article; the message names it.</exception>
    Task<SegmentedText> SegmentArticleAsync(string path, string language, CancellationToken cancellationToken);

    /// <summary>Splits article text already in memory; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="ArticleFormatException">The text holds no paragraph.</exception>
    SegmentedText SegmentArticle(string name, string text, string language);

    /// <summary>Splits <paramref name="text"/> as one paragraph, without reading it as an article.</summary>
    IReadOnlyList<Segment> SegmentPlain(string text, string language);
}
