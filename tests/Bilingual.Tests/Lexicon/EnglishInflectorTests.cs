using Bilingual.Core.Lexicon;

namespace Bilingual.Tests.Lexicon;

public class EnglishInflectorTests
{
    [Theory]
    [InlineData("weapon", nameof(Inflection.Plural), "weapons")]
    [InlineData("nuclear weapon", nameof(Inflection.Plural), "nuclear weapons")]
    [InlineData("country", nameof(Inflection.Plural), "countries")]
    [InlineData("day", nameof(Inflection.Plural), "days")]
    [InlineData("church", nameof(Inflection.Plural), "churches")]
    [InlineData("child", nameof(Inflection.Plural), "children")]
    [InlineData("news", nameof(Inflection.Plural), "news")]
    [InlineData("house", nameof(Inflection.DiminutivePlural), "houses")]
    [InlineData("help", nameof(Inflection.Past), "helped")]
    [InlineData("decline", nameof(Inflection.Past), "declined")]
    [InlineData("stop", nameof(Inflection.Past), "stopped")]
    [InlineData("see", nameof(Inflection.Past), "saw")]
    [InlineData("see", nameof(Inflection.Participle), "seen")]
    [InlineData("give up", nameof(Inflection.Participle), "given up")]
    [InlineData("carry", nameof(Inflection.Participle), "carried")]
    [InlineData("expect", nameof(Inflection.Present), "expects")]
    [InlineData("go", nameof(Inflection.Present), "goes")]
    [InlineData("big", nameof(Inflection.Comparative), "bigger")]
    [InlineData("large", nameof(Inflection.Superlative), "largest")]
    [InlineData("good", nameof(Inflection.Superlative), "best")]
    [InlineData("important", nameof(Inflection.Comparative), "more important")]
    [InlineData("war", nameof(Inflection.None), "war")]
    [InlineData("come", nameof(Inflection.PresentParticiple), "coming")]
    [InlineData("stop", nameof(Inflection.PresentParticiple), "stopping")]
    [InlineData("lie", nameof(Inflection.PresentParticiple), "lying")]
    [InlineData("see", nameof(Inflection.PresentParticiple), "seeing")]
    [InlineData("house", nameof(Inflection.Diminutive), "house")]
    public void Inflect_Equivalent_CarriesTheInflection(string english, string inflection, string expected)
    {
        Assert.Equal(expected, EnglishInflector.Inflect(english, Enum.Parse<Inflection>(inflection)));
    }
}
