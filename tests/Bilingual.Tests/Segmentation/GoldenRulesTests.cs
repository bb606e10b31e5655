using System.Text.Json;
using Bilingual.Core.Segmentation;
using Bilingual.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Segmentation;

/// <summary>
/// The "Golden Rules" of pragmatic_segmenter as pySBD runs them, read from <c>../shared/data/segmentation</c>
/// (not copied into the project).
/// </summary>
public sealed class GoldenRulesTests
{
    private static readonly RuleBasedSentenceSegmenter Segmenter = new(Options.Create(new SegmentationOptions()));

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string, int> EnglishCases() => CaseNames("golden_en.json", 48);

    public static TheoryData<string, int> DutchCases() => CaseNames("golden_nl.json", 3);

    [SkippableTheory]
    [MemberData(nameof(EnglishCases))]
    public void Split_EnglishGoldenRule_MatchesExpectedSentences(string name, int index) =>
        AssertGolden("golden_en.json", "en", name, index);

    [SkippableTheory]
    [MemberData(nameof(DutchCases))]
    public void Split_DutchGoldenRule_MatchesExpectedSentences(string name, int index) =>
        AssertGolden("golden_nl.json", "nl", name, index);

    [SkippableFact]
    public void Split_EnglishGoldenRules_AllFortyEightPass()
    {
        var cases = Load("golden_en.json");
        var failed = cases.Where(c => !Segmenter.Split(c.Text, "en").Select(s => s.Text).SequenceEqual(c.Expected)).Select(c => c.Name).ToList();

        Assert.Equal(48, cases.Count);
        Assert.Empty(failed);
    }

    // The names come from the file when it is there, so each case shows in the test name; the index
    // picks the case, and a missing file turns every case into a reported skip.
    private static TheoryData<string, int> CaseNames(string file, int count)
    {
        var path = Path.Combine(TestPaths.SharedRoot, "data", "segmentation", file);
        var names = File.Exists(path) ? Read(path).Select(c => c.Name).ToList() : [];
        var data = new TheoryData<string, int>();
        for (var i = 0; i < Math.Max(count, names.Count); i++)
        {
            data.Add(i < names.Count ? $"{i + 1:00} {names[i]}" : $"{i + 1:00}", i);
        }

        return data;
    }

    private static void AssertGolden(string file, string language, string name, int index)
    {
        var cases = Load(file);
        Assert.True(index < cases.Count, $"{file} has {cases.Count} cases, wanted {name}");
        var golden = cases[index];

        var actual = Segmenter.Split(golden.Text, language).Select(s => s.Text).ToArray();

        Assert.True(golden.Expected.SequenceEqual(actual), $"{golden.Name}: expected [{string.Join(" | ", golden.Expected)}] got [{string.Join(" | ", actual)}]");
    }

    private static List<GoldenCase> Load(string file)
    {
        var path = TestPaths.RequireShared("data", "segmentation", file);
        return Read(path);
    }

    private static List<GoldenCase> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<GoldenCase>>(stream, Json) ?? throw new InvalidDataException($"{path} holds no cases");
    }

    private sealed record GoldenCase(string Name, string Text, string[] Expected);
}
