using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
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
    public void Align_BelarusEditionWithOnlyAReverseBridge_ReproducesGoldWithStrictF1AtLeast095()
    {
        // The forward "bridge" is the Dutch source itself (no better than none); the reverse bridge renders each
        // English sentence in Dutch (the source sentences of its gold bead), so only the reverse comparison can
        // carry the alignment.
        var source = BelarusFixture.Paragraphs("source.nl.sentences");
        var target = BelarusFixture.Paragraphs("edition.en.sentences");
        var gold = BeadFormat.Read(BelarusFixture.Path("gold.align"));
        var flatSource = source.SelectMany(p => p).ToList();
        var rendered = new Dictionary<int, string>();
        foreach (var bead in gold)
        {
            foreach (var j in bead.Target)
            {
                rendered[j] = string.Join(' ', bead.Source.Select(i => flatSource[i]));
            }
        }

        var offset = 0;
        var reverse = new List<IReadOnlyList<string>>();
        foreach (var paragraph in target)
        {
            reverse.Add([.. paragraph.Select((_, k) => rendered.GetValueOrDefault(offset + k, ""))]);
            offset += paragraph.Count;
        }

        var alignment = Aligner.Align(source, target, source, reverseBridge: reverse);

        var score = AlignmentScore.Score(gold, alignment.Beads);
        Assert.True(score.F1Strict >= 0.95, $"strict F1 {score.F1Strict:0.000}");
    }

    [Fact]
    public void Align_ReverseBridgeWithTheWrongSentenceCount_IsRefused()
    {
        var source = SentenceBackgroundTests.Sentences(10, seed: 5);

        Assert.Throws<ArgumentException>(() => new AlignmentModel(source, source, null, new AlignmentOptions(), reverseBridge: source.Take(9).ToList()));
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
    public void Align_LongPairSearchedOnSeveralCoarseLevels_FindsTheGoldPath()
    {
        // 2,000 sentences and at most 20 blocks searched whole: the coarse search runs on 200, 50 and 12 blocks,
        // each level in a band around the next coarser one's path. A sentence dropped or added every four lets the
        // offset between the sides wander further than the band is wide.
        var aligner = new DocumentAligner(Options.Create(new AlignmentOptions { CoarseBlocks = 20 }));
        var source = SentenceBackgroundTests.Sentences(2000, seed: 21);
        var added = SentenceBackgroundTests.Sentences(500, seed: 22);
        var random = new Random(23);
        var target = new List<string>();
        var gold = new List<Bead>();
        for (var i = 0; i < source.Count; i++)
        {
            var change = i % 4 == 2 ? random.Next(2) : -1;
            if (change == 0)
            {
                gold.Add(new Bead([i], [], 1));
                continue;
            }

            if (change == 1)
            {
                target.Add(added[i / 4]);
                gold.Add(new Bead([], [target.Count - 1], 1));
            }

            target.Add(source[i]);
            gold.Add(new Bead([i], [target.Count - 1], 1));
        }

        var score = AlignmentScore.Score(gold, aligner.Align([source], [target]).Beads);

        Assert.True(score.F1Strict >= 0.98, $"strict F1 {score.F1Strict:0.000}");
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
