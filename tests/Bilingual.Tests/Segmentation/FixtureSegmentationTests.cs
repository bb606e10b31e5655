using Bilingual.Core.Segmentation;
using Bilingual.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Segmentation;

/// <summary>
/// The sample article's gold segmentation: each paragraph of a <c>.sentences</c> fixture (one sentence a
/// line, a blank line between paragraphs) is joined with single spaces, split again and compared.
/// </summary>
public sealed class FixtureSegmentationTests
{
    private static readonly RuleBasedSentenceSegmenter Segmenter = new(Options.Create(new SegmentationOptions()));

    [Theory]
    [InlineData("source.nl.sentences", "nl")]
    [InlineData("reference.en.sentences", "en")]
    [InlineData("edition.en.sentences", "en")]
    public void Split_BelarusFixtureParagraphs_ReproducesGoldSentences(string file, string language)
    {
        var paragraphs = ReadParagraphs(TestPaths.Fixture("belarus-2023-04", file));

        Assert.Equal(12, paragraphs.Count);
        foreach (var sentences in paragraphs)
        {
            var actual = Segmenter.Split(string.Join(' ', sentences), language).Select(s => s.Text).ToList();
            Assert.Equal(sentences, actual);
        }
    }

    [Fact]
    public void Split_SourceParagraph_OffsetsPointIntoTheParagraph()
    {
        var paragraph = string.Join(' ', ReadParagraphs(TestPaths.Fixture("belarus-2023-04", "source.nl.sentences"))[4]);

        var segments = Segmenter.Split(paragraph, "nl");

        Assert.Equal(3, segments.Count);
        Assert.All(segments, s => Assert.Equal(s.Text, paragraph.Substring(s.Start, s.Length)));
        Assert.Equal([0, 1, 2], segments.Select(s => s.Index));
    }

    internal static List<List<string>> ReadParagraphs(string path)
    {
        var paragraphs = new List<List<string>> { new() };
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                paragraphs.Add([]);
            }
            else
            {
                paragraphs[^1].Add(line);
            }
        }

        return paragraphs.Where(p => p.Count > 0).ToList();
    }
}
