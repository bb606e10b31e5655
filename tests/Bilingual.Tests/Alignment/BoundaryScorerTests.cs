using Bilingual.Core.Alignment;

namespace Bilingual.Tests.Alignment;

public sealed class BoundaryScorerTests
{
    [Fact]
    public void Quotations_EnglishSingleQuotes_MarkBoundariesInsideTheSpeechAndIgnoreApostrophes()
    {
        string[] sentences = ["'All right.", "We fight for money.'", "He didn't wait.", "'Tomorrow?' he asked.", "The boys' cakes were gone."];

        var states = BoundaryScorer.Quotations(sentences);

        Assert.Equal([0, 1, 0, 0, 0, 0], states);
    }

    [Fact]
    public void Quotations_GermanLowOpeningMark_ClosesWithTheEnglishOpeningMark()
    {
        string[] sentences = ["Er sagte: „Wir gehen.", "Morgen.“", "Dann ging er."];

        Assert.Equal([0, 1, 0, 0], BoundaryScorer.Quotations(sentences));
    }

    [Fact]
    public void Quotations_ChineseAndFrenchMarks_AreRecognised()
    {
        Assert.Equal([0, 1, 0], BoundaryScorer.Quotations(["海老公沉声道：“好你个屁！", "快进来！”"]));
        Assert.Equal([0, 1, 0], BoundaryScorer.Quotations(["Il dit : « Nous partons.", "Demain. »"]));
        Assert.Equal([0, 1, 0], BoundaryScorer.Quotations(["He said: \"We leave.", "Tomorrow.\""]));
    }

    [Fact]
    public void Brackets_BoundaryInsideAParenthesis_IsInside()
    {
        string[] sentences = ["Ce beau livre (Grenoble-Paris:", "B. Arthaud) apporte peu.", "Fin."];

        Assert.Equal([0, 1, 0, 0], BoundaryScorer.Brackets(sentences));
    }

    [Fact]
    public void Endings_QuestionExclamationAndStatement_AreDifferentStatesThroughClosingQuotes()
    {
        string[] sentences = ["'Which Mrs Zhou?'", "Go home!", "He left.", "你好吗？", "Littérature:"];

        var states = BoundaryScorer.Endings(sentences);

        Assert.Equal(states[1], states[4]);
        Assert.NotEqual(states[1], states[2]);
        Assert.NotEqual(states[2], states[3]);
        Assert.NotEqual(states[3], states[5]);
    }

    [Fact]
    public void Endings_SpeechBrokenOff_IsTheSameStateWithAnEllipsisOrADash()
    {
        string[] sentences = ["不过…… 不过……”", "'But I—'", "He stopped."];

        var states = BoundaryScorer.Endings(sentences);

        Assert.Equal(states[1], states[2]);
        Assert.NotEqual(states[2], states[3]);
    }

    [Fact]
    public void Openings_SentenceStartingWithSpeech_IsMarkedAtTheBoundaryBeforeIt()
    {
        string[] sentences = ["He sat down.", "'Which Mrs Zhou?'", "— Nobody knows.", "„Morgen.“"];

        Assert.Equal([0, 1, 1, 1, 0], BoundaryScorer.Openings(sentences));
    }

    [Fact]
    public void Create_AnchorsAgreeMoreThanChance_CreditsAgreementAndChargesDisagreement()
    {
        int[] source = [0, 1, 0, 1, 0, 0, 1, 0, 0, 0];
        int[] target = [0, 1, 0, 1, 0, 0, 1, 0, 0, 0];
        (int, int)[] anchors = [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8)];

        var scorer = BoundaryScorer.Create(source, target, anchors);

        Assert.NotNull(scorer);
        Assert.True(scorer.Reliability > 0.8, $"reliability {scorer.Reliability}");
        Assert.True(scorer.Cost(0, 1, 0, 2) > 0, "a bead ending inside a quotation on one side only is charged");
        Assert.True(scorer.Cost(0, 1, 0, 1) < 0, "a bead ending in the same state on both sides is credited");
    }

    [Fact]
    public void Cost_SkipBead_IsNeutral()
    {
        int[] states = [0, 1, 0, 1, 0, 0, 1, 0, 0, 0];
        (int, int)[] anchors = [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6)];

        var scorer = BoundaryScorer.Create(states, states, anchors)!;

        Assert.Equal(0, scorer.Cost(0, 0, 0, 1));
        Assert.Equal(0, scorer.Cost(3, 1, 2, 0));
    }

    [Fact]
    public void Create_OneSideWithoutQuotations_GivesNoScorer()
    {
        int[] source = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        int[] target = [0, 1, 0, 1, 0, 0, 1, 0, 0, 0];

        Assert.Null(BoundaryScorer.Create(source, target, [(1, 1), (2, 2), (3, 3)]));
    }

    [Fact]
    public void Create_AnchorsAgreeNoMoreThanChance_GivesNoScorer()
    {
        int[] source = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
        int[] target = [0, 0, 1, 0, 1, 0, 1, 0, 1, 0];
        (int, int)[] anchors = [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8)];

        Assert.Null(BoundaryScorer.Create(source, target, anchors));
    }
}
