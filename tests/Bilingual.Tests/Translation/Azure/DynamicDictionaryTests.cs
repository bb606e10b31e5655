using Bilingual.Core.Translation.Azure;

namespace Bilingual.Tests.Translation.Azure;

public sealed class DynamicDictionaryTests
{
    private static readonly Dictionary<string, string> Glossary = new(StringComparer.Ordinal)
    {
        ["Poetin"] = "Putin",
        ["Vladimir Poetin"] = "Vladimir Putin",
        ["Navo"] = "NATO",
    };

    [Fact]
    public void Apply_NoGlossaryTerm_LeavesTheTextAlone()
    {
        var (text, map) = new DynamicDictionary(Glossary).Apply("Niets te doen voor het poetinisme, de Navoleiding of de NAVO.");

        Assert.Equal("Niets te doen voor het poetinisme, de Navoleiding of de NAVO.", text);
        Assert.Null(map);
    }

    [Fact]
    public void Apply_GenitiveOfAName_IsMarkedWithThePossessiveRendering()
    {
        var (text, _) = new DynamicDictionary(Glossary).Apply("Poetins plan, de Navo's plan.");

        Assert.Equal(
            """<mstrans:dictionary translation="Putin's">Poetins</mstrans:dictionary> plan, de <mstrans:dictionary translation="NATO's">Navo's</mstrans:dictionary> plan.""",
            text);
    }

    [Fact]
    public void Apply_LongerTerm_WinsOverItsPart()
    {
        var (text, _) = new DynamicDictionary(Glossary).Apply("Vladimir Poetin en de Navo.");

        Assert.Equal(
            """<mstrans:dictionary translation="Vladimir Putin">Vladimir Poetin</mstrans:dictionary> en de <mstrans:dictionary translation="NATO">Navo</mstrans:dictionary>.""",
            text);
    }

    [Fact]
    public void Apply_TranslationWithQuotes_IsEscapedInTheAttribute()
    {
        var (text, _) = new DynamicDictionary(new Dictionary<string, string> { ["X"] = "a \"b\" <c>" }).Apply("X.");

        Assert.Equal("""<mstrans:dictionary translation="a &quot;b&quot; &lt;c&gt;">X</mstrans:dictionary>.""", text);
    }

    [Fact]
    public void MapLengths_SentenceLengthsOfTheMarkedText_DescribeTheOriginal()
    {
        const string original = "Poetin zei het. De Navo zweeg. Poetin niet.";
        var (marked, map) = new DynamicDictionary(Glossary).Apply(original);
        int[] markedLengths = [.. SentenceLengths(marked)];

        var lengths = map!.MapLengths(markedLengths);

        Assert.Equal([16, 15, 12], lengths);
        Assert.Equal(original.Length, lengths.Sum());
    }

    [Fact]
    public void MapLengths_BoundaryInsideMarkup_MovesToTheEndOfTheTerm()
    {
        var (marked, map) = new DynamicDictionary(Glossary).Apply("Poetin ja");
        var inside = marked.IndexOf(">Poetin", StringComparison.Ordinal) + 3;

        var lengths = map!.MapLengths([inside, marked.Length - inside]);

        Assert.Equal([6, 3], lengths);
    }

    private static IEnumerable<int> SentenceLengths(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                var end = Math.Min(i + 2, text.Length);
                yield return end - start;
                start = end;
            }
        }
    }
}
