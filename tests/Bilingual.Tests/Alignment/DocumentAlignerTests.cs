using Bilingual.Core.Alignment;
using Bilingual.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Alignment;

public sealed class DocumentAlignerTests
{
    private static readonly DocumentAligner Aligner = new(Options.Create(new AlignmentOptions()));

    [Fact]
    public void Align_BelarusEditionWithoutBridge_ReproducesGoldWithStrictF1AtLeast090()
    {
        var alignment = Aligner.Align(BelarusFixture.Paragraphs("source.nl.sentences"), BelarusFixture.Paragraphs("edition.en.sentences"));

        var score = AlignmentScore.Score(BeadFormat.Read(BelarusFixture.Path("gold.align")), alignment.Beads);

        Assert.True(score.F1Strict >= 0.9, $"strict F1 {score.F1Strict:0.000}");
    }

    [Fact]
    public void Align_BelarusEditionWithReferenceBridge_ReproducesGoldWithStrictF1AtLeast095()
    {
        var alignment = Aligner.Align(
            BelarusFixture.Paragraphs("source.nl.sentences"),
            BelarusFixture.Paragraphs("edition.en.sentences"),
            BelarusFixture.Paragraphs("reference.en.sentences"));

        var score = AlignmentScore.Score(BeadFormat.Read(BelarusFixture.Path("gold.align")), alignment.Beads);

        Assert.True(score.F1Strict >= 0.95, $"strict F1 {score.F1Strict:0.000}");
    }

    [Fact]
    public void Align_LongInsertedRunInABandedPair_IsSkippedWhole()
    {
        // 400 × 440 sentences is past the whole-lattice limit, so the search runs in a band around a coarse path;
        // the 40 inserted captions are more than the configured band width.
        var source = SentenceBackgroundTests.Sentences(400, seed: 11);
        var captions = SentenceBackgroundTests.Sentences(40, seed: 12).Select(c => "Photo " + c).ToList();
        var target = source.Take(150).Concat(captions).Concat(source.Skip(150)).ToList();

        var beads = Aligner.Align([source], [target]).Beads.ToList();

        Assert.Equal(Enumerable.Range(150, 40), beads.Where(b => b.Source.Count == 0).SelectMany(b => b.Target));
        Assert.All(beads.Where(b => b.Source.Count > 0), b => Assert.Equal(b.Source[0] + (b.Source[0] >= 150 ? 40 : 0), Assert.Single(b.Target)));
    }

    [Fact]
    public void Align_SameParagraphCount_KeepsEveryBeadInsideItsParagraph()
    {
        var source = BelarusFixture.Paragraphs("source.nl.sentences");
        var alignment = Aligner.Align(source, BelarusFixture.Paragraphs("edition.en.sentences"));

        Assert.Equal(source.Count, alignment.Blocks.Count);
        Assert.All(alignment.Blocks, b => Assert.Equal(b.SourceFirst, b.TargetFirst));
    }

    [Fact]
    public void Align_ParagraphCountsDiffer_AlignsParagraphsAsUnitsFirst()
    {
        // The edition's second paragraph is split in two: the paragraph pass must find the 1-2 paragraph bead.
        IReadOnlyList<string>[] source =
        [
            ["The committee met on Monday.", "It discussed the budget for 2024."],
            ["Prices rose by 12 percent.", "Wages did not follow.", "Unions called a strike for 3 May."],
            ["The strike was called off."],
        ];
        IReadOnlyList<string>[] target =
        [
            ["The committee met on Monday.", "It discussed the 2024 budget."],
            ["Prices rose by 12 percent.", "Wages did not follow."],
            ["Unions called a strike for 3 May."],
            ["The strike was called off."],
        ];

        var alignment = Aligner.Align(source, target);

        Assert.Contains(alignment.Blocks, b => b.SourceFirst == 1 && b.SourceCount == 1 && b.TargetFirst == 1 && b.TargetCount == 2);
        Assert.Equal(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[5]:[5]"], alignment.Beads.Select(b => b.ToString()));
    }

    [Fact]
    public void Align_OneSideWithoutParagraphs_AlignsTheWholeDocumentAsOneBlock()
    {
        IReadOnlyList<string>[] source = [["One sentence here."], ["Another sentence there."]];
        IReadOnlyList<string>[] target = [["One sentence here.", "Another sentence there."]];

        var alignment = Aligner.Align(source, target);

        Assert.Single(alignment.Blocks);
        Assert.Equal(["[0]:[0]", "[1]:[1]"], alignment.Beads.Select(b => b.ToString()));
    }

    [SkippableFact]
    public void Align_TextBergDevWithGoogleBridge_StaysAboveBleualign()
    {
        var folder = TestPaths.RequireShared("data", "align", "textberg-dev");
        IReadOnlyList<string> Lines(string name) => File.ReadAllLines(System.IO.Path.Combine(folder, name));

        var alignment = Aligner.Align([Lines("dev.de")], [Lines("dev.fr")], [Lines("dev.de2fr.google")]);

        var score = AlignmentScore.Score(BeadFormat.Read(System.IO.Path.Combine(folder, "dev.defr")), alignment.Beads);
        Assert.True(score.F1Strict >= 0.85, $"strict F1 {score.F1Strict:0.000}");
    }
}
