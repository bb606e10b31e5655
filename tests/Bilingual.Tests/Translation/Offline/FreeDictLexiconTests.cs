using Bilingual.Core.Translation.Offline;

namespace Bilingual.Tests.Translation.Offline;

public sealed class FreeDictLexiconTests
{
    [SkippableFact]
    public void Translate_InflectedDutchWord_GivesItsEnglishWords()
    {
        var lexicon = new FreeDictLexicon(OfflineDictionary.SharedTranslator);

        Assert.Contains("weapons", lexicon.Translate("wapens"));
        Assert.Contains("foreign", lexicon.Translate("buitenlandse"));
    }

    [SkippableFact]
    public void Translate_UnknownWord_GivesNothing()
    {
        var lexicon = new FreeDictLexicon(OfflineDictionary.SharedTranslator);

        Assert.Empty(lexicon.Translate("qwxzvbk"));
    }

    [SkippableTheory]
    [InlineData("nl", "en", true)]
    [InlineData("nl-BE", "en-GB", true)]
    [InlineData("NL", "EN", true)]
    [InlineData("nl_BE", "en_US", true)]
    [InlineData("nld", "eng", false)]
    [InlineData("de", "fr", false)]
    [InlineData("en", "nl", false)]
    public void Covers_OnlyDutchToEnglish(string source, string target, bool covered)
    {
        var lexicon = new FreeDictLexicon(OfflineDictionary.SharedTranslator);

        Assert.Equal(covered, lexicon.Covers(source, target));
    }

    [Fact]
    public void Covers_DictionaryNotInstalled_IsFalseNotAnError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bilingual-no-such-dictionary", "freedict-nld-eng.index");
        var lexicon = new FreeDictLexicon(OfflineDictionary.Create(missing, missing + ".dict.dz"));

        Assert.False(lexicon.Covers("nl", "en"));
    }
}
