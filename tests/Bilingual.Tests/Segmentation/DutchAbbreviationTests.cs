using Bilingual.Core.Segmentation;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Segmentation;

/// <summary>
/// The Dutch abbreviation list by category (<see cref="DutchAbbreviations"/>): each theory has news-like
/// sentences in which the abbreviation stays inside the sentence and sentences in which the same letters
/// end one. A case lists the expected sentences; the paragraph is those sentences joined by one space.
/// </summary>
public sealed class DutchAbbreviationTests
{
    private static readonly RuleBasedSentenceSegmenter Segmenter = new(Options.Create(new SegmentationOptions()));

    public static TheoryData<string[]> Days() =>
    [
        ["De uitslag wordt op za. 12 okt. in Hilversum bekendgemaakt."],
        ["De Kamer stemt op wo. 3 maart over de motie."],
        ["Het loket gaat vr. 9.00 uur weer open."],
        ["De persconferentie begint di. 20:30 uur in Den Haag."],
        ["De wedstrijd van zo. 12/10 is verplaatst naar een latere datum."],
        ["Het museum is open van di. t/m zo. van 10.00 tot 17.00 uur."],
        ["Do. 14 november debatteert de Kamer over de begroting."],
        ["Dat is nu eenmaal zo.", "De regels zijn streng."],
        ["Het kabinet wil het ook zo.", "12 ministers stemden in."],
        ["Hij belde meteen zijn ma.", "Zij haalde hem op."],
        ["Na drie jaar is hij eindelijk vrij.", "3 jaar zat hij onschuldig vast."],
        ["De boeren zijn het wachten zat.", "Morgen rijden ze naar Den Haag."],
    ];

    public static TheoryData<string[]> Months() =>
    [
        ["Het verdrag gaat in op 1 febr. 2025."],
        ["Op 3 sep. 2023 begon het proces tegen de verdachten."],
        ["De wet geldt sinds 1 jul. 2024 ook voor zzp'ers."],
        ["De Kamer debatteert op 12 dec. over de begroting."],
        ["Hij vertrekt op 1 dec.", "De opvolger is nog niet bekend."],
        ["De prijs ging dit jaar naar Jan.", "De jury was unaniem."],
    ];

    public static TheoryData<string[]> TitlesAndRanks() =>
    [
        ["Volgens gen. Onno Eichelsheim is de dreiging reëel."],
        ["De troepen staan onder bevel van lt.-gen. Martin Wijnen."],
        ["Kol. Jansen leidt de missie in Litouwen."],
        ["De patrouille werd geleid door kpl. De Wit."],
        ["Het woord is aan mej. De Boer."],
        ["Namens de familie sprak jhr. Van Lennep."],
        ["De brug is ontworpen door ing. P. de Vries."],
        ["Het rapport is opgesteld door dra. Van den Berg."],
        ["Onderzoekers vonden het gen.", "De ziekte blijkt erfelijk."],
        ["Hij is een echte prof.", "Dat merk je aan alles."],
        ["De aandoening komt door één gen.", "Het is nu op te sporen."],
    ];

    public static TheoryData<string[]> Units() =>
    [
        ["Het kabinet trekt 3 mln. euro uit voor de opvang."],
        ["De VVD verloor 3 pct. van de stemmen."],
        ["De inflatie is gedaald naar 3 pct.", "De ECB houdt de rente gelijk."],
        ["Het tekort loopt op tot 2 mrd.", "De minister zoekt bezuinigingen."],
        ["De file was 12 km.", "De politie adviseert om te rijden."],
        ["De ochtendfile was 12 km. lang."],
    ];

    public static TheoryData<string[]> LegalAndCompanyForms() =>
    [
        ["Nedap bv. maakte vorig jaar winst."],
        ["Landen als bv. Duitsland en Frankrijk aarzelen nog."],
        ["De aandelen van Heineken N.V. stegen fors."],
        ["Dat staat in art. 5 lid 2 jo. art. 6 van de wet."],
        ["Het besluit staat in Stb. 2023, 123."],
        ["Het gaat om overtreding van art. 5 o.g.v. de Wegenverkeerswet."],
        ["Het bedrijf heet Nedap bv.", "Het is gevestigd in Groenlo."],
        ["Het contract is getekend met Apple Inc.", "De rechter moet het nog goedkeuren."],
        ["De twee broers hebben samen een vof.", "De winst delen ze."],
        ["Stuur je cv.", "De sluitingsdatum is vrijdag."],
        ["De verdachte is vervolgd op grond van art. 310 W.v.Sr.", "De rechter sprak hem vrij."],
    ];

    public static TheoryData<string[]> Latin() =>
    [
        ["Het gaat om de premier c.q. Rutte zelf."],
        ["De wedstrijd Ajax vs. Feyenoord eindigde in 2-2."],
        ["N.B. Het museum is maandag gesloten."],
        ["M.a.w. De Jong had gelijk."],
        ["De stad werd ca. 1200 gesticht, d.w.z. veel later dan gedacht."],
        ["In de begroting staat het bedrag als p.m.", "De cijfers volgen later."],
        ["Daarmee is de stelling bewezen, q.e.d.", "De rest volgt vanzelf."],
        ["Het beeld dateert uit 1200 A.D. en is gerestaureerd."],
    ];

    [Theory]
    [MemberData(nameof(Days))]
    public void Split_WeekdayAbbreviation_CountsOnlyBeforeADateOrTime(string[] expected) => AssertSplit(expected);

    [Theory]
    [MemberData(nameof(Months))]
    public void Split_MonthAbbreviation_KeepsTheDateTogether(string[] expected) => AssertSplit(expected);

    [Theory]
    [MemberData(nameof(TitlesAndRanks))]
    public void Split_TitleOrRank_NeverEndsASentenceUnlessANoun(string[] expected) => AssertSplit(expected);

    [Theory]
    [MemberData(nameof(Units))]
    public void Split_UnitAbbreviation_EndsASentenceBeforeACapital(string[] expected) => AssertSplit(expected);

    [Theory]
    [MemberData(nameof(LegalAndCompanyForms))]
    public void Split_LegalOrCompanyForm_EndsASentenceOnlyAfterAName(string[] expected) => AssertSplit(expected);

    [Theory]
    [MemberData(nameof(Latin))]
    public void Split_LatinAbbreviation_MatchesExpectedSentences(string[] expected) => AssertSplit(expected);

    [Fact]
    public void AbbreviationLists_DutchRules_GiveEachAbbreviationOneKind()
    {
        var rules = DutchSentenceRules.Instance;
        var all = new[] { rules.PrefixAbbreviations, rules.NumberAbbreviations, rules.FinalAbbreviations, rules.AmbiguousAbbreviations }
            .SelectMany(list => list)
            .ToList();

        var twice = all.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(twice.Count == 0, $"listed under more than one kind or twice: {string.Join(", ", twice)}");
        Assert.True(all.Count > 250, $"only {all.Count} abbreviations");
    }

    [Fact]
    public void AbbreviationLists_Weekdays_AreInNoKindList()
    {
        var rules = DutchSentenceRules.Instance;
        var kinds = rules.PrefixAbbreviations.Concat(rules.NumberAbbreviations).Concat(rules.FinalAbbreviations).Concat(rules.AmbiguousAbbreviations).ToHashSet(StringComparer.Ordinal);

        Assert.All(DutchAbbreviations.Weekdays, day => Assert.DoesNotContain(day, kinds));
    }

    private static void AssertSplit(string[] expected)
    {
        var text = string.Join(' ', expected);

        var actual = Segmenter.Split(text, "nl").Select(s => s.Text).ToArray();

        Assert.True(expected.SequenceEqual(actual), $"expected [{string.Join(" | ", expected)}] got [{string.Join(" | ", actual)}]");
    }
}
