using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;

namespace Bilingual.Tests.Alignment;

public sealed class SentenceLengthProjectionTests
{
    private const string Source = "Hij kwam. Zij ging weg. Dat was alles.";
    private const string Target = "He came. She left. That was all.";

    private static readonly Segment[] SourceSegments =
    [
        new(0, 0, "Hij kwam."),
        new(1, 10, "Zij ging weg."),
        new(2, 24, "Dat was alles."),
    ];

    [Fact]
    public void Project_BoundariesCoincide_GivesOneToOneBeadsAndTrimmedTargetSegments()
    {
        var (target, beads) = SentenceLengthProjection.Project(Source, SourceSegments, Target, [10, 14, 14], [9, 10, 13]);

        Assert.Equal(["He came.", "She left.", "That was all."], target.Select(s => s.Text));
        Assert.All(target, s => Assert.Equal(s.Text, Target.Substring(s.Start, s.Length)));
        Assert.Equal(["[0]:[0]", "[1]:[1]", "[2]:[2]"], beads.Select(b => b.ToString()));
        Assert.All(beads, b => Assert.Equal(SentenceLengthProjection.ExactConfidence, b.Confidence));
    }

    [Fact]
    public void Project_BackendJoinsTwoOfOurSentences_MergesThemIntoATwoToOneBead()
    {
        var (target, beads) = SentenceLengthProjection.Project(Source, SourceSegments, "He came. She left, that was all.", [10, 28], [9, 23]);

        Assert.Equal(["He came.", "She left, that was all."], target.Select(s => s.Text));
        Assert.Equal(["[0]:[0]", "[1, 2]:[1]"], beads.Select(b => b.ToString()));
        Assert.Equal(SentenceLengthProjection.MergedConfidence, beads[1].Confidence);
    }

    [Fact]
    public void Project_BackendSplitsInsideOurSentence_MergesBackendSentencesIntoOneBead()
    {
        // The backend cuts "Zij ging weg." after "Zij ging" (a boundary inside our segment).
        var (target, beads) = SentenceLengthProjection.Project(Source, SourceSegments, "He came. She went. Away. That was all.", [10, 9, 5, 14], [9, 10, 6, 13]);

        Assert.Equal(4, target.Count);
        Assert.Equal(["[0]:[0]", "[1]:[1, 2]", "[2]:[3]"], beads.Select(b => b.ToString()));
        Assert.True(beads[1].Confidence < beads[0].Confidence);
    }

    [Fact]
    public void Project_LengthsDoNotSumToTheText_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SentenceLengthProjection.Project(Source, SourceSegments, Target, [10, 14, 13], [9, 10, 13]));

        Assert.Contains("sum", error.Message, StringComparison.Ordinal);
    }
}
