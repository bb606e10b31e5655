using System.Text.RegularExpressions;
using Bilingual.Core.Documents;
using Bilingual.Core.Review;
using Bilingual.Core.Translation.Azure;
using Bilingual.Core.Translation.DeepL;

namespace Bilingual.Tests.Text;

/// <summary>What a backend protects as a glossary term is what the QA check checks: both find terms with one matcher.</summary>
public sealed partial class GlossaryAgreementTests
{
    private static readonly Dictionary<string, string> Glossary = new(StringComparer.Ordinal)
    {
        ["Poetin"] = "Putin",
        ["Vladimir Poetin"] = "Vladimir Putin",
        ["Loekasjenko"] = "Lukashenko",
        ["Kiev"] = "Kyiv",
        ["Navo"] = "NATO",
        ["Oekraïne"] = "Ukraine",
        ["kernwapen"] = "nuclear weapon",
    };

    [Theory]
    [InlineData("Vladimir Poetin ontmoette Loekasjenko; Poetins plan voor Oekraïne en de Navo-top in Kiev.")]
    [InlineData("Poetinisme, de NAVO, kernwapens en Kievse straten: geen term. Zo’n kernwapen wel, en „Poetin”.")]
    [InlineData("De Navo's reactie op Oekraïnes vraag (Poetin's woorden) kwam uit Kiev-Centrum.")]
    public void Terms_AzureMarkupAndQualityCheck_AreTheSameOccurrences(string source)
    {
        var (marked, _) = new DynamicDictionary(Glossary).Apply(source);
        var checker = new QualityChecker(Glossary, new ReviewOptions());

        // A target that renders no term: the check flags every term it looks for, at every occurrence.
        var flags = checker.Check(source, "Nothing of the kind was said.").Where(f => f.Kind == QualityFlagKind.Glossary).ToList();

        var checkedSpans = flags.SelectMany(f => f.SourceSpans).Select(s => (s.Start, s.Length)).Order().ToList();
        Assert.NotEmpty(checkedSpans);
        Assert.Equal(MarkedSpans(marked), checkedSpans);
        Assert.Equal(
            flags.Select(f => Quoted().Match(f.Message).Groups[1].Value).Order(StringComparer.Ordinal),
            DeepLTranslator.MissingGlossaryTerms(source, "Nothing of the kind was said.", Glossary));
    }

    /// <summary>Where the marked terms stand in the original text.</summary>
    private static List<(int Start, int Length)> MarkedSpans(string marked)
    {
        var spans = new List<(int Start, int Length)>();
        var added = 0;
        foreach (Match match in Markup().Matches(marked))
        {
            var term = match.Groups["term"];
            spans.Add((match.Index - added, term.Length));
            added += match.Length - term.Length;
        }

        return spans;
    }

    [GeneratedRegex("<mstrans:dictionary translation=\"[^\"]*\">(?<term>.*?)</mstrans:dictionary>")]
    private static partial Regex Markup();

    [GeneratedRegex("^“(.*?)”")]
    private static partial Regex Quoted();
}
