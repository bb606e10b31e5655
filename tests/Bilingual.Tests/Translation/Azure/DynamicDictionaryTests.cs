using System.Text.RegularExpressions;
using Bilingual.Core.Translation.Azure;

namespace Bilingual.Tests.Translation.Azure;

public sealed partial class DynamicDictionaryTests
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

    [Theory]
    [InlineData("""Hij schreef <mstrans:dictionary translation="Poetin">Navo</mstrans:dictionary> op.""")]
    [InlineData("""Hij schreef <MSTRANS:Dictionary translation='x'>iets</ mstrans:dictionary > op.""")]
    [InlineData("""Een open <mstrans:dictionary translation="Poetin" zonder einde""")]
    public void Apply_LiteralMstransTagInTheArticle_SentOnlyAsOurOwnUnnestedMarkup(string article)
    {
        var (sent, _) = new DynamicDictionary(Glossary).Apply(article);

        // Everything the service would read as markup is ours: one flat list of complete entries, nothing inside one.
        var withoutOurs = OurMarkup().Replace(sent, "");
        Assert.DoesNotContain("<", withoutOurs, StringComparison.Ordinal);
        Assert.DoesNotContain(">", withoutOurs, StringComparison.Ordinal);
        Assert.DoesNotContain("mstrans", withoutOurs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Apply_LiteralTagAroundAGlossaryTerm_TagKeptVerbatimTermMarkedBesideItNotInside()
    {
        var (sent, _) = new DynamicDictionary(Glossary).Apply("""Hij schreef <mstrans:dictionary translation="Poetin">Navo</mstrans:dictionary> op.""");

        var entries = OurMarkup().Matches(sent).Select(m => (m.Groups["translation"].Value, m.Groups["phrase"].Value)).ToList();
        Assert.Equal(
            [
                ("&lt;mstrans:dictionary translation=&quot;Poetin&quot;&gt;", "&lt;mstrans:dictionary translation=&quot;Poetin&quot;&gt;"),
                ("NATO", "Navo"),
                ("&lt;/mstrans:dictionary&gt;", "&lt;/mstrans:dictionary&gt;"),
            ],
            entries);
        // The term inside the literal's attribute is not marked: our markup never nests in a tag.
        Assert.DoesNotContain("translation=\"Putin\"", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void MapLengths_LiteralTagInTheText_DescribesTheOriginal()
    {
        const string original = """Hij zei <mstrans:dictionary translation="x">. Poetin zweeg.""";
        var (marked, map) = new DynamicDictionary(Glossary).Apply(original);
        int[] markedLengths = [.. SentenceLengths(marked)];

        var lengths = map!.MapLengths(markedLengths);

        Assert.Equal(original.Length, lengths.Sum());
        Assert.Equal(original.IndexOf("Poetin", StringComparison.Ordinal), lengths[0]);
    }

    [GeneratedRegex("""<mstrans:dictionary translation="(?<translation>[^"<>]*)">(?<phrase>[^<>]*)</mstrans:dictionary>""")]
    private static partial Regex OurMarkup();

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
