using System.Text.RegularExpressions;
using Bilingual.Tests.Support;
using Xunit.Abstractions;

namespace Bilingual.Tests.Translation.Offline;

/// <summary>
/// Floors measured on the sample article (seeds/000_e36221037867b85e.txt) against its human English
/// reference: they guard the gloss against regressions, they do not claim it is a translation.
/// </summary>
public partial class SeedGlossQualityTests(ITestOutputHelper output)
{
    // Measured with AlgorithmVersion 1: 416 of 441 word tokens translated (0.943).
    private const double TranslatedFloor = 0.92;

    // Measured with AlgorithmVersion 1: 374 clipped matches, recall 0.799 and precision 0.792 against the reference.
    private const double RecallFloor = 0.77;
    private const double PrecisionFloor = 0.77;

    [SkippableFact]
    public void Translate_SeedArticle_MostWordsComeOutEnglish()
    {
        var glosses = OfflineDictionary.SeedParagraphs().Select(OfflineDictionary.Glosser.Translate).ToList();

        var words = glosses.Sum(g => g.Words);
        var translated = glosses.Sum(g => g.TranslatedWords);
        output.WriteLine($"translated {translated}/{words} = {(double)translated / words:F3}");
        Assert.True(words > 400, $"only {words} word tokens: the seed was not read whole");
        Assert.True((double)translated / words >= TranslatedFloor, $"{translated}/{words} translated, floor {TranslatedFloor}");
    }

    [SkippableFact]
    public void Translate_SeedArticle_KeyTermsComeOutRight()
    {
        var gloss = string.Join("\n\n", OfflineDictionary.SeedParagraphs().Select(p => OfflineDictionary.Glosser.Translate(p).Text));

        Assert.Contains("Nuclear weapons", gloss, StringComparison.Ordinal);
        Assert.Contains("the nuclear weapons", gloss, StringComparison.Ordinal);
        Assert.Contains("The war in Ukraine", gloss, StringComparison.Ordinal);
        Assert.Contains("Putin's visit to Lukashenko", gloss, StringComparison.Ordinal);
        Assert.Contains("treaty from 1996", gloss, StringComparison.Ordinal);
        Assert.Contains("Soviet Union 2.0", gloss, StringComparison.Ordinal);
        Assert.Contains("towards Kyiv", gloss, StringComparison.Ordinal);
        Assert.Contains("NATO aggression", gloss, StringComparison.Ordinal);
        Assert.Contains("the United States", gloss, StringComparison.Ordinal);
        Assert.DoesNotContain("Poetin", gloss, StringComparison.Ordinal);
        Assert.DoesNotContain("oorlog", gloss, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Translate_SeedArticle_UnigramOverlapWithReferenceAboveFloor()
    {
        var reference = Unigrams(File.ReadAllText(TestPaths.Fixture("belarus-2023-04", "reference.en.sentences")));
        var gloss = Unigrams(string.Join("\n", OfflineDictionary.SeedParagraphs().Select(p => OfflineDictionary.Glosser.Translate(p).Text)));

        // Clipped counts, as BLEU's unigram precision: a word matches at most as often as the other side has it.
        var matches = gloss.Sum(pair => Math.Min(pair.Value, reference.GetValueOrDefault(pair.Key)));
        var recall = (double)matches / reference.Values.Sum();
        var precision = (double)matches / gloss.Values.Sum();
        output.WriteLine($"unigram recall {recall:F3}, precision {precision:F3} ({matches} matches)");

        Assert.True(recall >= RecallFloor, $"recall {recall:F3} < {RecallFloor}");
        Assert.True(precision >= PrecisionFloor, $"precision {precision:F3} < {PrecisionFloor}");
    }

    [SkippableFact]
    public async Task TranslateAsync_SeedParagraphs_SentenceLengthsConsistent()
    {
        var translator = OfflineDictionary.CreateTranslator();
        var paragraphs = OfflineDictionary.SeedParagraphs();

        var results = await translator.TranslateAsync(new(paragraphs, "nl", "en"), CancellationToken.None);

        for (var i = 0; i < paragraphs.Count; i++)
        {
            Assert.Equal(paragraphs[i].Length, results[i].SourceSentenceLengths!.Sum());
            Assert.Equal(results[i].Text.Length, results[i].TargetSentenceLengths!.Sum());
            Assert.Equal(results[i].SourceSentenceLengths!.Count, results[i].TargetSentenceLengths!.Count);
        }

        // "Volgens een verdrag … parlementen. De massale opstand …" is two sentences on both sides.
        Assert.Equal(2, results[1].SourceSentenceLengths!.Count);
    }

    private static Dictionary<string, int> Unigrams(string text) =>
        Word().Matches(text.ToLowerInvariant()).GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
