using Bilingual.Core.Segmentation;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Segmentation;

/// <summary>
/// The traps of Dutch news text, one case per trap, each named after it. A case lists the expected
/// sentences; the paragraph is those sentences joined by one space unless the case gives the text.
/// </summary>
public sealed class DutchNewsSegmentationTests
{
    private static readonly RuleBasedSentenceSegmenter Segmenter = new(Options.Create(new SegmentationOptions()));

    private static readonly (string Trap, string Text, string[] Expected)[] All =
    [
        // Abbreviations inside a sentence.
        Case("o.a. before a number", "De regering trekt o.a. 300 miljoen euro uit voor de zorg."),
        Case("o.a. before a name", "Op het congres spraken o.a. Rutte en Kaag."),
        Case("o.a. before a lower-case word", "Bij de aanslag kwamen o.a. twee agenten om het leven."),
        Case("bijv. before a name", "Landen als bijv. Duitsland en Frankrijk aarzelen nog."),
        Case("d.w.z. before a lower-case word", "De inflatie daalt, d.w.z. de prijzen stijgen minder snel."),
        Case("d.w.z. before a name", "Het gaat om de G7, d.w.z. Duitsland, Frankrijk, Italië, Japan, Canada, het VK en de VS."),
        Case("m.b.t. before a name", "Er zijn Kamervragen m.b.t. Oekraïne gesteld."),
        Case("m.b.t. before a lower-case word", "De afspraken m.b.t. de graanexport zijn verlengd."),
        Case("i.p.v. before a name", "De top vindt i.p.v. Brussel in Straatsburg plaats."),
        Case("i.v.m. before a name", "De A12 is afgesloten i.v.m. Koningsdag."),
        Case("t.a.v. before a name", "De brief is gericht t.a.v. Buitenlandse Zaken."),
        Case("n.a.v. before an acronym", "De Kamer stelde vragen n.a.v. NRC-onderzoek naar de export."),
        Case("zgn. before a lower-case word", "Het zgn. graanakkoord loopt in juli af."),
        Case("resp. between numbers", "De partijen kregen resp. 12 en 9 zetels."),
        Case("vgl. inside parentheses", "Die bijstandsplicht geldt al sinds 1949 (vgl. Artikel 5 van het Navo-verdrag)."),
        Case("ca. before a number", "Er demonstreerden ca. 5000 mensen op het Malieveld."),
        Case("ca. before a year", "Het raadhuis dateert van ca. 1650 en is onlangs gerestaureerd."),
        Case("max. before a number", "Op de snelweg geldt overdag max. 100 kilometer per uur."),
        Case("tel. before a number", "Bel tel. 0800-1234 voor meer informatie."),
        Case("mln. before a lower-case word", "Het kabinet trekt 3,5 mln. euro uit voor de opvang."),
        Case("mld. ending a sentence", "Het tekort bedraagt 12 mld.", "De minister zoekt bezuinigingen."),

        // Titles before names.
        Case("mr. before a name", "De zaak werd bepleit door mr. Peter Plasman."),
        Case("Mr. capitalised at a sentence start", "Het vonnis volgt later.", "Mr. Jansen gaat in hoger beroep."),
        Case("dr. before a Dutch surname", "Volgens dr. Van Dissel is het virus nog niet verdwenen."),
        Case("prof. dr. in a row", "Het onderzoek werd geleid door prof. dr. Marion Koopmans."),
        Case("prof. before initials", "Volgens prof. J.H. de Graaf is dat onjuist."),
        Case("Prof. at the paragraph start", "Prof. Van Dam waarschuwt al jaren voor de gevolgen."),
        Case("dhr. before a name", "Namens de gemeente sprak dhr. De Jong de aanwezigen toe."),
        Case("Mevr. at the paragraph start", "Mevr. Bakker is de nieuwe burgemeester van Zwolle."),
        Case("ir. before a name", "De brug is ontworpen door ir. Van der Heijden."),
        Case("drs. before an initial", "Het rapport van drs. P. de Vries verscheen gisteren."),
        Case("St. before a place name", "De wedstrijd werd gespeeld in St. Moritz."),

        // Abbreviations that may end a sentence.
        Case("jl. before a lower-case word", "Op 3 maart jl. werd de wet aangenomen."),
        Case("jl. ending a sentence", "Het akkoord werd gesloten op 3 maart jl.", "De oppositie stemde tegen."),
        Case("enz. before a lower-case word", "Brood, melk, kaas enz. werden fors duurder."),
        Case("enz. ending a sentence", "Ze verkopen brood, melk, kaas enz.", "De prijzen stijgen."),
        Case("enz. ending the paragraph", "Dat gold voor brood, melk enz."),
        Case("etc. ending a sentence", "Denk aan gas, stroom, benzine etc.", "Alles werd duurder."),
        Case("e.a. after a name", "Jansen e.a. schreven het rapport over de mijnbouw."),
        Case("a.u.b. ending a sentence", "Graag stilte a.u.b.", "De zitting begint."),
        Case("N.V. inside a company name", "Koninklijke Philips N.V. maakte vorig jaar winst."),
        Case("B.V. ending a sentence", "Het bedrijf heet Nedap B.V.", "Het is gevestigd in Groenlo."),
        Case("V.S. before a lower-case word", "De spanningen met de V.S. nemen toe."),
        Case("V.S. ending a sentence before De", "Hij woont al jaren in de V.S.", "De reden is zijn werk."),
        Case("v.Chr. before a lower-case word", "De stad werd in 753 v.Chr. gesticht."),
        Case("n.Chr. ending a sentence", "De muur werd gebouwd in 122 n.Chr.", "Het was de noordgrens van het rijk."),

        // Numbers, dates, times and versions.
        Case("nr. before a number", "Het wetsvoorstel staat als nr. 12 op de agenda."),
        Case("Nr. at a sentence start", "De lijst is bekend.", "Nr. 1 is opnieuw de premier."),
        Case("blz. before a number", "Het staat op blz. 12 van het rapport."),
        Case("blz. with the page number ending the sentence", "Zie het rapport, blz. 12.", "De conclusie is helder."),
        Case("art. before a number", "Dat staat in art. 5 van het verdrag."),
        Case("date with jan.", "Het verdrag gaat in op 1 jan. 2024."),
        Case("date with okt. opening the sentence", "Op 7 okt. 2023 viel Hamas Israël aan."),
        Case("date with mrt.", "Het verslag van 14 mrt. 2023 is openbaar."),
        Case("month abbreviation ending a sentence", "Hij vertrekt op 1 sept.", "De opvolger is nog niet bekend."),
        Case("Jan as a name ending a sentence", "Het woord is aan Jan.", "Hij moet beslissen."),
        Case("thousands separator", "Er kwamen 1.000 mensen op af."),
        Case("large number with full stops", "Het concern telt 120.000 werknemers in 40 landen."),
        Case("decimal comma", "De economie groeide vorig jaar met 3,5 procent."),
        Case("number ending a sentence", "De teller staat op 1.000.", "Dat is een record."),
        Case("sentence opening with a number", "Het was een bloedige dag.", "81 mensen kwamen om het leven."),
        Case("time with a full stop", "De vergadering begint om 12.30 uur in Den Haag."),
        Case("time ending a sentence", "De trein vertrok om 12.30.", "Hij was te laat."),
        Case("year ending a sentence", "Het verdrag stamt uit 1996.", "Belarus en Rusland vormen sindsdien een unie."),
        Case("ordinal ste", "Op de 21ste verdieping brak brand uit."),
        Case("ordinal e", "De 2e Kamer stemde donderdag in met het voorstel."),
        Case("ordinal ending a sentence", "Verstappen werd 2e.", "Hamilton eindigde als derde."),
        Case("version number", "De app is bijgewerkt naar versie 2.0 en werkt nu sneller."),
        Case("Web 2.0", "Het tijdperk van Web 2.0 is voorbij."),
        Case("Sovjet-Unie 2.0 ending a sentence", "Poetin droomt van een soort Sovjet-Unie 2.0.", "Belarus is het eerste lid."),
        Case("amount in euros ending a sentence", "Een brood kost nu € 3,50.", "Dat vinden veel mensen te duur."),
        Case("percentage ending a sentence", "De VVD kreeg 21,3 procent.", "De PVV werd tweede."),

        // Initials.
        Case("initials before a prefix", "Het onderzoek is gedaan door M.J. de Vries."),
        Case("initials before a surname", "Volgens A.B. Jansen is het plan onuitvoerbaar."),
        Case("single initial before van den", "De winnaar is J. van den Berg uit Utrecht."),
        Case("spaced initials", "Het boek van W. F. Hermans wordt herdrukt."),
        Case("initial before a capitalised De", "De rol wordt gespeeld door M. De Vries."),
        Case("initial before a capitalised Van", "Het woord was aan H. Van Rompuy."),
        Case("initial-like letter ending a sentence", "Het land kreeg de beoordeling C.", "Het is de laagste score."),

        // Headings and colons.
        Case("one-word heading", "Kernwapens"),
        Case("heading with a version number", "Sovjet-Unie 2.0"),
        Case("colon before a lower-case word", "Rusland heeft één doel: Oekraïne onderwerpen."),
        Case("colon before a capital", "De boodschap was helder: De kernwapens blijven van Rusland."),
        Case("heading with a colon", "Kernwapens: Rusland zet door"),

        // Quotations.
        Case("single curly quotes inside a sentence", "De president sprak van een signaal aan de ‘schoften buiten onze grenzen’."),
        Case("full stop inside double curly quotes", "“We zullen niet aarzelen.”", "Dat zei Loekasjenko woensdag."),
        Case("full stop outside single curly quotes", "Hij noemde het ‘een historische dag’.", "De oppositie was kritischer."),
        Case("quotation followed by a comma", "‘De meeste Europese staten voeren een agressief beleid ten opzichte van Rusland’, staat er."),
        Case("question inside quotes before a lower-case word", "‘Waarom nu?’ vroeg de premier zich af."),
        Case("exclamation inside quotes before a new sentence", "“Nooit meer oorlog!”", "De menigte juichte."),
        Case("question inside quotes before a new sentence", "‘Wie betaalt dit?’", "Die vraag bleef onbeantwoord."),
        Case("full stop inside straight double quotes", "\"Dit is een keerpunt.\"", "Dat zei de minister."),
        Case("straight single quotes before a lower-case word", "'Dit is een keerpunt.' zei de minister."),
        Case("quotation after a colon", "Poetin was duidelijk: “Wij trekken ons niet terug.”", "Kiev reageerde woedend."),

        // Ellipses.
        Case("ellipsis character before a lower-case word", "Hij aarzelde… en zei toen ja."),
        Case("ellipsis character before a capital", "Het bleef lang stil…", "Toen sprak de premier."),
        Case("three dots before a capital", "Het bleef lang stil...", "Toen sprak de premier."),
        Case("omission in square brackets", "Hij zei dat ‘de oorlog […] nog jaren kan duren’."),
        Case("sentence opening with an ellipsis", "De schoten waren raak.", "…en toen barste de hel los."),

        // Question and exclamation marks.
        Case("question before a new sentence", "Wat wil Poetin?", "Niemand weet het precies."),
        Case("question and exclamation marks together", "Een kernoorlog?!", "Dat is ondenkbaar."),
        Case("exclamation mark in a brand name", "Hij werkt bij Yahoo! in Amsterdam."),

        // Parentheses.
        Case("abbreviation inside parentheses", "Het rapport (zie blz. 4) is kritisch over het beleid."),
        Case("sentence inside parentheses", "De Navo breidt uit (Finland trad in april toe.)", "Zweden volgt mogelijk."),
        Case("full stop after a closing parenthesis", "Moskou heeft (West-)Europa opgegeven.", "Eurazië staat centraal."),
        Case("acronym in parentheses ending a sentence", "De Noord-Atlantische Verdragsorganisatie (Navo) breidt uit.", "Finland is lid."),

        // URLs and e-mail addresses.
        Case("web address inside a sentence", "Meer informatie staat op www.rijksoverheid.nl en is gratis."),
        Case("web address ending a sentence", "Meer informatie staat op www.rijksoverheid.nl.", "Daar staat ook een formulier."),
        Case("https address with a path ending a sentence", "Het rapport staat op https://nos.nl/artikel/2470000-poetin.html.", "Lees het zelf."),
        Case("e-mail address ending a sentence", "Reacties kunnen naar redactie@nrc.nl.", "Wij lezen alles."),
        Case("short domain name ending a sentence", "Dat meldt nu.nl.", "De politie bevestigt het nieuws."),
        Case("web address with a question mark", "Zie https://example.nl/?id=5 voor de details."),

        // Lists.
        Case("numbered list items ending in full stops", "1. De kernwapens komen naar Belarus.", "2. Rusland houdt de controle."),
        Case("numbered list with parentheses", "1) meer geld voor defensie", "2) minder regels voor de industrie"),
        Case("lettered list", "a) Finland", "b) Zweden", "c) Oekraïne"),
        Case("bulleted list", "• Finland is lid", "• Zweden volgt"),

        // Elided articles open a sentence in lower case.
        Case("’s at a sentence start", "De demonstratie begon om drie uur.", "’s Avonds werd het onrustig."),
        Case("’t at a sentence start", "Het was koud.", "’t Sneeuwde zelfs."),
        Case("'s-Hertogenbosch at a sentence start", "De trein reed door.", "'s-Hertogenbosch was het eindpunt."),

        // Capitals that are not titles.
        Case("all-capital name ending a sentence", "Hij is klant bij ING.", "De bank keert dividend uit."),
        Case("sentence without a terminator", "De oorlog gaat door"),
        Case("two sentences", "Woensdag en donderdag was hij weer in het Kremlin.", "Het bezoek duurde twee dagen."),
    ];

    public static TheoryData<string, string, string[]> Cases()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var (trap, text, expected) in All)
        {
            data.Add(trap, text, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_DutchNewsTrap_MatchesExpectedSentences(string trap, string text, string[] expected)
    {
        var actual = Segmenter.Split(text, "nl").Select(s => s.Text).ToArray();

        Assert.True(expected.SequenceEqual(actual), $"{trap}: expected [{string.Join(" | ", expected)}] got [{string.Join(" | ", actual)}]");
    }

    [Fact]
    public void Cases_DutchTrapSet_HasAtLeastEightyDistinctTraps() =>
        Assert.True(All.Select(c => c.Trap).Distinct().Count() >= 80, $"only {All.Length} cases");

    private static (string, string, string[]) Case(string trap, params string[] sentences) =>
        (trap, string.Join(' ', sentences), sentences);
}
