using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bilingual.Core.Alignment;
using Bilingual.Core.Documents;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Alignment;

public sealed class AlignmentScoreTests
{
    private static readonly string[] Gold = ["[0]:[0]", "[1]:[1, 2]", "[2, 3]:[3]", "[4]:[]", "[]:[4]", "[5]:[5]"];
    private static readonly string[] SplitMissed = ["[0]:[0]", "[1]:[1]", "[]:[2]", "[2, 3]:[3]", "[4]:[]", "[]:[4]", "[5]:[5]"];

    [Fact]
    public void Score_IdenticalAlignment_IsOneEverywhere()
    {
        var gold = Gold.Select(BeadFormat.Parse).ToList();

        var score = AlignmentScore.Score(gold, gold);

        Assert.Equal(1.0, score.F1Strict);
        Assert.Equal(1.0, score.F1Lax);
        Assert.Equal(4, score.GoldBeads);
    }

    [Fact]
    public void Score_SplitBeadPredictedAsOneToOne_IsLaxButNotStrictHit()
    {
        var gold = Gold.Select(BeadFormat.Parse).ToList();
        var test = SplitMissed.Select(BeadFormat.Parse).ToList();

        var score = AlignmentScore.Score(gold, test);

        Assert.Equal(5, score.PrecisionStrictHits);
        Assert.Equal(6, score.PrecisionLaxHits);
        Assert.Equal(7, score.TestBeads);
        Assert.Equal(3, score.RecallStrictHits);
        Assert.Equal(4, score.RecallLaxHits);
    }

    [SkippableFact]
    public void Score_AgreesWithTheSharedReferenceScorer()
    {
        var script = TestPaths.RequireShared("tools", "score_alignment.py");
        var python = TestPaths.RequireTool("python3", "python3");
        var folder = Directory.CreateTempSubdirectory("align-score-");
        try
        {
            var gold = Path.Combine(folder.FullName, "gold");
            var test = Path.Combine(folder.FullName, "test");
            File.WriteAllLines(gold, Gold);
            File.WriteAllLines(test, ["[0]:[0]", "[1]:[1]", "[]:[2]", "[2]:[3]", "[3]:[]", "[4]:[4]", "[5]:[5]"]);
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { script, "--json", gold, test })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var json = JsonDocument.Parse(process.StandardOutput.ReadToEnd()).RootElement;
            process.WaitForExit();

            var score = AlignmentScore.Score(BeadFormat.Read(gold), BeadFormat.Read(test));
            Assert.Equal(json.GetProperty("precision_strict").GetDouble(), score.PrecisionStrict, 9);
            Assert.Equal(json.GetProperty("recall_strict").GetDouble(), score.RecallStrict, 9);
            Assert.Equal(json.GetProperty("f1_strict").GetDouble(), score.F1Strict, 9);
            Assert.Equal(json.GetProperty("precision_lax").GetDouble(), score.PrecisionLax, 9);
            Assert.Equal(json.GetProperty("recall_lax").GetDouble(), score.RecallLax, 9);
            Assert.Equal(json.GetProperty("f1_lax").GetDouble(), score.F1Lax, 9);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

public sealed class BeadFormatTests
{
    [Theory]
    [InlineData("[0, 1]:[0]", "[0, 1]:[0]")]
    [InlineData("[0,1]:[2,3]", "[0, 1]:[2, 3]")]
    [InlineData("[]:[4]", "[]:[4]")]
    [InlineData("[3]:[]:0.25", "[3]:[]")]
    public void Parse_VecalignLine_RoundTrips(string line, string expected)
    {
        Assert.Equal(expected, BeadFormat.Parse(line).ToString());
    }

    [Theory]
    [InlineData("0:1")]
    [InlineData("[a]:[1]")]
    [InlineData("[1]")]
    public void Parse_Malformed_ThrowsFormatException(string line)
    {
        Assert.Throws<FormatException>(() => BeadFormat.Parse(line));
    }

    [Fact]
    public void Write_Beads_OneALineInVecalignFormat()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        BeadFormat.Write(writer, [new Bead([0], [0, 1], 0.9), new Bead([], [2], 0.5)]);

        Assert.Equal("[0]:[0, 1]\n[]:[2]\n", writer.ToString());
    }
}
