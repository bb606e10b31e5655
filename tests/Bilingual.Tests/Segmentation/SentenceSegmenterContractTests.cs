using Bilingual.Core.Documents;
using Bilingual.Core.Segmentation;

namespace Bilingual.Tests.Segmentation;

/// <summary>
/// What every <see cref="ISentenceSegmenter"/> promises: every non-whitespace character in exactly one
/// segment, in order, with offsets that point back into the paragraph and only whitespace between.
/// Each implementation's tests inherit these.
/// </summary>
public abstract class SentenceSegmenterContractTests
{
    private const string Alphabet = "aAbBzZ019 .  ..!?…'’‘\"“”()[]:;,-\n\t\u00A0•ëé。";

    protected abstract ISentenceSegmenter CreateSegmenter();

    public static TheoryData<string> Paragraphs() => new()
    {
        "Hello World. My name is Jonas.",
        "  Leading and trailing whitespace.   Second sentence.  ",
        "Eén zin.\nTwee zinnen.\r\nDrie zinnen.",
        "“We zullen niet aarzelen.” Dat zei hij. ‘Echt?’ Ja!",
        "Kernwapens",
        "...",
        ". . . .",
        "?!",
        "1. 2. 3.",
        "a",
    };

    [Theory]
    [MemberData(nameof(Paragraphs))]
    public void Split_Paragraph_SegmentsRebuildTheParagraph(string paragraph) =>
        AssertRebuilds(paragraph, CreateSegmenter().Split(paragraph, "nl"));

    [Fact]
    public void Split_RandomText_SegmentsRebuildTheParagraph()
    {
        var random = new Random(20230405);
        var segmenter = CreateSegmenter();
        for (var i = 0; i < 500; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 120)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            foreach (var language in new[] { "nl", "en", "de" })
            {
                AssertRebuilds(text, segmenter.Split(text, language));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\u00A0")]
    public void Split_EmptyOrWhitespace_ReturnsNoSegments(string text) =>
        Assert.Empty(CreateSegmenter().Split(text, "nl"));

    [Fact]
    public void Split_TwoSentences_SecondStartsAfterTheSpace()
    {
        var segments = CreateSegmenter().Split("Een zin. Nog een zin.", "nl");

        Assert.Equal([new Segment(0, 0, "Een zin."), new Segment(1, 9, "Nog een zin.")], segments);
    }

    private static void AssertRebuilds(string paragraph, IReadOnlyList<Segment> segments)
    {
        var previousEnd = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            Assert.Equal(i, segment.Index);
            Assert.True(segment.Start >= previousEnd, $"segment {i} starts before the previous ends in '{paragraph}'");
            Assert.Equal(paragraph.Substring(segment.Start, segment.Length), segment.Text);
            Assert.NotEmpty(segment.Text);
            Assert.False(char.IsWhiteSpace(segment.Text[0]) || char.IsWhiteSpace(segment.Text[^1]), $"segment {i} is not trimmed in '{paragraph}'");
            Assert.True(string.IsNullOrWhiteSpace(paragraph[previousEnd..segment.Start]), $"non-whitespace dropped before segment {i} in '{paragraph}'");
            previousEnd = segment.End;
        }

        Assert.True(string.IsNullOrWhiteSpace(paragraph[previousEnd..]), $"non-whitespace dropped at the end of '{paragraph}'");
    }
}
