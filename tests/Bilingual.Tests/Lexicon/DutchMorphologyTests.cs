using Bilingual.Core.Lexicon;

namespace Bilingual.Tests.Lexicon;

public class DutchMorphologyTests
{
    [Theory]
    // Plurals: -s, -en with vowel doubling, consonant undoubling, v/f and z/s; -'s; -ën; -eren.
    [InlineData("wapens", "wapen", nameof(Inflection.Plural))]
    [InlineData("landen", "land", nameof(Inflection.Plural))]
    [InlineData("jaren", "jaar", nameof(Inflection.Plural))]
    [InlineData("staten", "staat", nameof(Inflection.Plural))]
    [InlineData("bedden", "bed", nameof(Inflection.Plural))]
    [InlineData("brieven", "brief", nameof(Inflection.Plural))]
    [InlineData("huizen", "huis", nameof(Inflection.Plural))]
    [InlineData("grenzen", "grens", nameof(Inflection.Plural))]
    [InlineData("auto's", "auto", nameof(Inflection.Plural))]
    [InlineData("ideeën", "idee", nameof(Inflection.Plural))]
    [InlineData("kinderen", "kind", nameof(Inflection.Plural))]
    // Inflected adjectives.
    [InlineData("grote", "groot", nameof(Inflection.None))]
    [InlineData("dikke", "dik", nameof(Inflection.None))]
    [InlineData("lieve", "lief", nameof(Inflection.None))]
    [InlineData("boze", "boos", nameof(Inflection.None))]
    [InlineData("buitenlandse", "buitenlands", nameof(Inflection.None))]
    // Diminutives.
    [InlineData("huisje", "huis", nameof(Inflection.Diminutive))]
    [InlineData("huisjes", "huis", nameof(Inflection.DiminutivePlural))]
    [InlineData("boompje", "boom", nameof(Inflection.Diminutive))]
    [InlineData("balletje", "bal", nameof(Inflection.Diminutive))]
    [InlineData("kaartje", "kaart", nameof(Inflection.Diminutive))]
    [InlineData("dorpjes", "dorp", nameof(Inflection.DiminutivePlural))]
    // Comparatives and superlatives.
    [InlineData("groter", "groot", nameof(Inflection.Comparative))]
    [InlineData("grotere", "groot", nameof(Inflection.Comparative))]
    [InlineData("zwaarder", "zwaar", nameof(Inflection.Comparative))]
    [InlineData("grootste", "groot", nameof(Inflection.Superlative))]
    // Verb forms: present, past, participles (weak, strong, prefixed, separable), stems with spelling changes.
    [InlineData("werkt", "werken", nameof(Inflection.Present))]
    [InlineData("maakt", "maken", nameof(Inflection.Present))]
    [InlineData("geeft", "geven", nameof(Inflection.Present))]
    [InlineData("verwacht", "verwachten", nameof(Inflection.Present))]
    [InlineData("werkte", "werken", nameof(Inflection.Past))]
    [InlineData("bedankte", "bedanken", nameof(Inflection.Past))]
    [InlineData("leefden", "leven", nameof(Inflection.Past))]
    [InlineData("gewerkt", "werken", nameof(Inflection.Participle))]
    [InlineData("bevestigd", "bevestigen", nameof(Inflection.Participle))]
    [InlineData("opgesteld", "opstellen", nameof(Inflection.Participle))]
    [InlineData("gezien", "zien", nameof(Inflection.Participle))]
    [InlineData("gegeven", "geven", nameof(Inflection.Participle))]
    [InlineData("opgegeven", "opgeven", nameof(Inflection.Participle))]
    [InlineData("kwam", "komen", nameof(Inflection.Past))]
    [InlineData("optrok", "optrekken", nameof(Inflection.Past))]
    [InlineData("vervalste", "vervalsen", nameof(Inflection.Past))]
    [InlineData("beoogde", "beogen", nameof(Inflection.Past))]
    [InlineData("uitgebrachte", "uitbrengen", nameof(Inflection.Participle))]
    [InlineData("komende", "komen", nameof(Inflection.PresentParticiple))]
    [InlineData("besloten", "besluiten", nameof(Inflection.Participle))]
    public void Analyse_InflectedForm_OffersLemma(string form, string lemma, string inflection)
    {
        Assert.Contains(new Analysis(lemma, Enum.Parse<Inflection>(inflection)), DutchMorphology.Analyse(form));
    }

    [Theory]
    [InlineData("staten", "staat", "stat")]
    [InlineData("grotere", "groot", "grot")]
    [InlineData("maanden", "maand", "manen")]
    [InlineData("gezien", "zien", "gezien")]
    [InlineData("dorpje", "dorp", "dor")]
    [InlineData("balletje", "bal", "ballet")]
    public void Analyse_AmbiguousForm_LikelierReadingFirst(string form, string likelier, string lessLikely)
    {
        var lemmas = DutchMorphology.Analyse(form).Select(a => a.Lemma).ToList();

        Assert.Contains(likelier, lemmas);
        Assert.True(!lemmas.Contains(lessLikely) || lemmas.IndexOf(likelier) < lemmas.IndexOf(lessLikely), string.Join(", ", lemmas));
    }

    [Theory]
    [InlineData("gearresteerd", true)]
    [InlineData("vastgelopen", true)]
    [InlineData("opgesteld", true)]
    [InlineData("gezien", true)]
    [InlineData("gisteravond", false)]
    [InlineData("naam", false)]
    public void LooksLikeParticiple_Form_Recognised(string form, bool expected)
    {
        Assert.Equal(expected, DutchMorphology.LooksLikeParticiple(form));
    }

    [Fact]
    public void Analyse_Form_NeverOffersItself()
    {
        Assert.DoesNotContain(DutchMorphology.Analyse("oorlog"), a => a.Lemma == "oorlog");
    }

    [Theory]
    [InlineData("maak", "maken")]
    [InlineData("leg", "leggen")]
    [InlineData("geef", "geven")]
    [InlineData("lees", "lezen")]
    [InlineData("blijf", "blijven")]
    [InlineData("lanceer", "lanceren")]
    [InlineData("sta", "staan")]
    public void InfinitivesOfStem_Stem_OffersInfinitive(string stem, string infinitive)
    {
        Assert.Contains(infinitive, DutchMorphology.InfinitivesOfStem(stem));
    }
}
