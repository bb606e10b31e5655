using Bilingual.Core.Documents;
using Bilingual.Core.Review;

namespace Bilingual.Tests.Review;

public sealed class ReviewApplierTests
{
    private static readonly DateTimeOffset ChangedAt = new(2023, 4, 8, 9, 15, 0, TimeSpan.Zero);

    private static Dictionary<string, ReviewCorrection> Corrections(params ReviewCorrection[] corrections) =>
        corrections.ToDictionary(c => c.Key, StringComparer.Ordinal);

    private static ReviewCorrection Correction(string source, string target, string status = ReviewStatus.Corrected, string? comment = null) =>
        new("nl", "en", source, target, status, "anna", ChangedAt, comment);

    private static BilingualDocument Document(params AlignedParagraph[] paragraphs) =>
        new("doc", "nl", "en", ArticleMetadata.None, paragraphs, new Provenance("azure", "3.0", false), ChangedAt);

    /// <summary>Every target segment sits where its offsets say, and bead target indices are in range.</summary>
    private static void AssertConsistent(AlignedParagraph paragraph)
    {
        for (var i = 0; i < paragraph.TargetSegments.Count; i++)
        {
            var segment = paragraph.TargetSegments[i];
            Assert.Equal(i, segment.Index);
            Assert.Equal(segment.Text, paragraph.TargetText.Substring(segment.Start, segment.Length));
        }

        var covered = paragraph.Beads.SelectMany(b => b.Target).ToList();
        Assert.Equal(Enumerable.Range(0, paragraph.TargetSegments.Count), covered);
    }

    [Fact]
    public void Apply_CorrectionFor11Bead_ReplacesTargetAndMarksBead()
    {
        var document = Document(ReviewSampleDocuments.Paragraph(0, false, ["Een.", "Twee.", "Drie."], ["One.", "Too.", "Three."],
            [new Bead([0], [0], 0.9), new Bead([1], [1], 0.9), new Bead([2], [2], 0.9)]));

        var result = ReviewApplier.Apply(document, Corrections(Correction("Twee.", "Two.", comment: "typo")));

        var paragraph = result.Paragraphs[0];
        Assert.Equal("One. Two. Three.", paragraph.TargetText);
        AssertConsistent(paragraph);
        var mark = paragraph.Beads[1].Review;
        Assert.NotNull(mark);
        Assert.Equal(new ReviewMark(ReviewStatus.Corrected, "anna", ChangedAt, "typo"), mark);
        Assert.Null(paragraph.Beads[0].Review);
        Assert.Null(paragraph.Beads[2].Review);
    }

    [Fact]
    public void Apply_CorrectionFor12Bead_BecomesOneSentenceAndLaterBeadsShift()
    {
        var document = Document(ReviewSampleDocuments.Paragraph(0, false, ["Een lange zin.", "Drie."], ["A long", "sentence.", "Three."],
            [new Bead([0], [0, 1], 0.5), new Bead([1], [2], 0.9)]));

        var paragraph = ReviewApplier.Apply(document, Corrections(Correction("Een lange zin.", "One long sentence."))).Paragraphs[0];

        Assert.Equal("One long sentence. Three.", paragraph.TargetText);
        Assert.Equal([0], paragraph.Beads[0].Target);
        Assert.Equal([1], paragraph.Beads[1].Target);
        AssertConsistent(paragraph);
    }

    [Fact]
    public void Apply_CorrectionFor21Bead_IsKeyedByTheJoinedSourceSentences()
    {
        var document = Document(ReviewSampleDocuments.Paragraph(0, false, ["Een.", "Twee."], ["One and too."], [new Bead([0, 1], [0], 0.4)]));

        var paragraph = ReviewApplier.Apply(document, Corrections(Correction("Een.  Twee.", "One and two."))).Paragraphs[0];

        Assert.Equal("One and two.", paragraph.TargetText);
        Assert.Equal("corrected", paragraph.Beads[0].Review?.Status);
        AssertConsistent(paragraph);
    }

    [Fact]
    public void Apply_CorrectionFor10Bead_InsertsTheMissingTranslationInPlace()
    {
        var document = Document(ReviewSampleDocuments.Paragraph(0, false, ["Een.", "Twee.", "Drie."], ["One.", "Three."],
            [new Bead([0], [0], 0.9), new Bead([1], [], 0.2), new Bead([2], [1], 0.9)]));

        var paragraph = ReviewApplier.Apply(document, Corrections(Correction("Twee.", "Two."))).Paragraphs[0];

        Assert.Equal("One. Two. Three.", paragraph.TargetText);
        Assert.Equal("1-1", paragraph.Beads[1].Kind);
        Assert.Equal([2], paragraph.Beads[2].Target);
        AssertConsistent(paragraph);
    }

    [Fact]
    public void Apply_CorrectionForLast10Bead_AppendsAtTheEnd()
    {
        var document = Document(ReviewSampleDocuments.Paragraph(0, false, ["Een.", "Twee."], ["One."],
            [new Bead([0], [0], 0.9), new Bead([1], [], 0.2)]));

        var paragraph = ReviewApplier.Apply(document, Corrections(Correction("Twee.", "Two."))).Paragraphs[0];

        Assert.Equal("One. Two.", paragraph.TargetText);
        AssertConsistent(paragraph);
    }

    [Fact]
    public void Apply_AcceptanceOfTheSameTarget_MarksWithoutChangingText()
    {
        var document = ReviewSampleDocuments.Belarus();
        var first = document.Paragraphs[0];

        var result = ReviewApplier.Apply(document, Corrections(Correction(first.SourceSegments[1].Text, first.TargetSegments[1].Text, ReviewStatus.Accepted)));

        Assert.Same(first.TargetSegments, result.Paragraphs[0].TargetSegments);
        Assert.Equal(ReviewStatus.Accepted, result.Paragraphs[0].Beads[1].Review?.Status);
        Assert.Same(document.Paragraphs[1], result.Paragraphs[1]);
    }

    [Fact]
    public void Apply_AcceptanceOfAnotherTarget_IsIgnored()
    {
        var document = ReviewSampleDocuments.Belarus();

        var result = ReviewApplier.Apply(document, Corrections(Correction(document.Paragraphs[0].SourceSegments[0].Text, "An older translation.", ReviewStatus.Accepted)));

        Assert.Same(document, result);
    }

    [Fact]
    public void Apply_AcceptanceThatLostControlCharactersInTmx_StillMarks()
    {
        var document = Document(ReviewSampleDocuments.Paragraph(0, false, ["Stuur \u0001tekens."], ["Send\u000B \uFFFEcharacters."], [new Bead([0], [0], 0.9)]));

        var result = ReviewApplier.Apply(document, Corrections(Correction("Stuur tekens.", "Send characters.", ReviewStatus.Accepted)));

        Assert.Equal(ReviewStatus.Accepted, result.Paragraphs[0].Beads[0].Review?.Status);
        Assert.Equal("Send\u000B \uFFFEcharacters.", result.Paragraphs[0].TargetText);
    }

    [Fact]
    public void Apply_KeepsSpacingOutsideTheCorrectedSentence()
    {
        var paragraph = new AlignedParagraph(0, false, "Een. Twee.", "One.  Too.\u00a0",
            ReviewSampleDocuments.Segments(["Een.", "Twee."]),
            [new Segment(0, 0, "One."), new Segment(1, 6, "Too.")],
            [new Bead([0], [0], 1), new Bead([1], [1], 1)]);

        var result = ReviewApplier.Apply(Document(paragraph), Corrections(Correction("Twee.", "Two."))).Paragraphs[0];

        Assert.Equal("One.  Two.\u00a0", result.TargetText);
        AssertConsistent(result);
    }

    [Fact]
    public async Task ApplyAsync_LooksUpEveryBeadSourceInTheStore()
    {
        var store = new RecordingStore(Correction("Twee.", "Two."));
        var applier = new ReviewApplier(store);
        var document = Document(ReviewSampleDocuments.Paragraph(0, false, ["Een.", "Twee."], ["One.", "Too.", "Extra."],
            [new Bead([0], [0], 0.9), new Bead([1], [1], 0.9), new Bead([], [2], 0.1)]));

        var result = await applier.ApplyAsync(document, CancellationToken.None);

        Assert.Equal(["Een.", "Twee."], store.Asked);
        Assert.Equal("One. Two. Extra.", result.Paragraphs[0].TargetText);
    }

    private sealed class RecordingStore(params ReviewCorrection[] corrections) : IReviewStore
    {
        public List<string> Asked { get; } = [];

        public Task<IReadOnlyDictionary<string, ReviewCorrection>> FindAsync(string sourceLanguage, string targetLanguage, IReadOnlyCollection<string> sourceTexts, CancellationToken cancellationToken)
        {
            Asked.AddRange(sourceTexts);
            IReadOnlyDictionary<string, ReviewCorrection> found = corrections.Where(c => sourceTexts.Contains(c.SourceText)).ToDictionary(c => c.Key, StringComparer.Ordinal);
            return Task.FromResult(found);
        }

        public Task<int> SaveAsync(IReadOnlyCollection<ReviewCorrection> corrections, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
