using Bilingual.Core.Alignment;

namespace Bilingual.Tests.Alignment;

public sealed class SentenceBackgroundTests
{
    [Fact]
    public void Build_OtherSideTooShort_GivesNoBackground()
    {
        var (source, target) = Vectors(Sentences(10, seed: 1), Sentences(SentenceBackground.MinimumOtherSide - 1, seed: 2));

        var background = SentenceBackground.Build(source, target, span: 4);

        Assert.True(double.IsNaN(background.Cosine(0, 1)));
        Assert.True(double.IsNaN(background.CosineWithout(0, 2, 1)));
    }

    [Fact]
    public void Cosine_SentenceOfCommonWords_HasAHigherBackgroundThanOneOfRareWords()
    {
        var other = Sentences(100, seed: 3).Select(s => s + " the of and in to").ToList();
        List<string> source = ["the of and in to the of and", "zyxel quorvant bleemish trossack"];
        source.AddRange(Sentences(8, seed: 4));
        var (sourceVectors, targetVectors) = Vectors(source, other);

        var background = SentenceBackground.Build(sourceVectors, targetVectors, span: 4);

        Assert.True(background.Cosine(0, 1) > background.Cosine(1, 1) + 0.05, $"{background.Cosine(0, 1)} vs {background.Cosine(1, 1)}");
    }

    [Fact]
    public void CosineWithout_LeavingOutTheOnlyCommonMember_LowersTheBackground()
    {
        var other = Sentences(100, seed: 5).Select(s => s + " the of and in to").ToList();
        List<string> source = ["zyxel quorvant bleemish trossack", "the of and in to the of and", "plimbor vextan query"];
        source.AddRange(Sentences(8, seed: 6));
        var (sourceVectors, targetVectors) = Vectors(source, other);

        var background = SentenceBackground.Build(sourceVectors, targetVectors, span: 4);

        Assert.True(background.CosineWithout(0, 3, 1) < background.Cosine(0, 3));
    }

    private static (SentenceVectors Source, SentenceVectors Target) Vectors(IReadOnlyList<string> source, IReadOnlyList<string> target) =>
        SentenceVectors.Build([.. source.Select(s => SentenceFeatures.Count(s))], [.. target.Select(t => SentenceFeatures.Count(t))], 4);

    /// <summary>Random sentences over a vocabulary of made-up words.</summary>
    internal static List<string> Sentences(int count, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 2000).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)('a' + random.Next(26)))])).ToArray();
        return [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(5, 20)).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".")];
    }
}
