namespace Bilingual.Tests.Translation.Offline;

/// <summary>The gloss over the installed FreeDict dictionary, with the news glossary.</summary>
public class DictionaryGlosserTests
{
    private static string Gloss(string dutch) => OfflineDictionary.Glosser.Translate(dutch).Text;

    private static string Word(string dutch) => OfflineDictionary.Glosser.TranslateWord(dutch).English;

    [SkippableTheory]
    [InlineData("kernwapens", "nuclear weapons")]
    [InlineData("invasiemacht", "invasion power")]
    [InlineData("oefenterrein", "exercise terrain")]
    [InlineData("lanceerbasis", "launch basis")]
    [InlineData("beleidsstuk", "policy piece")]
    public void TranslateWord_Compound_SplitAgainstTheDictionary(string dutch, string english)
    {
        Assert.Equal(english, Word(dutch));
    }

    [SkippableTheory]
    [InlineData("oorlog", "war")]
    [InlineData("wapens", "weapons")]
    [InlineData("landen", "countries")]
    [InlineData("raketten", "missiles")]
    [InlineData("maanden", "months")]
    [InlineData("buitenlandse", "foreign")]
    [InlineData("vervalste", "falsified")]
    [InlineData("hielp", "helped")]
    [InlineData("gezien", "seen")]
    [InlineData("verwacht", "expects")]
    [InlineData("grootste", "biggest")]
    public void TranslateWord_InflectedWord_InflectionCarriedIntoEnglish(string dutch, string english)
    {
        Assert.Equal(english, Word(dutch));
    }

    [SkippableTheory]
    [InlineData("De huizen staan onder water.", "The houses stand under water.")]
    [InlineData("Ze huizen in tenten.", "They dwell in tents.")]
    [InlineData("de energieprijzen", "The energy prices")]
    public void Translate_EnForm_PluralNounAfterArticleAndInCompoundTail(string dutch, string english)
    {
        Assert.Equal(english, Gloss(dutch));
    }

    [SkippableTheory]
    [InlineData("Drie mensen werden gisteravond gearresteerd.", "Three people were last night arrested.")]
    [InlineData("Belarus werd uitvalsbasis.", "Belarus became fall basis.")]
    [InlineData("Ze zijn vastgelopen.", "They are stranded.")]
    [InlineData("Hij noemde zijn naam.", "He called his name.")]
    public void Translate_AuxiliaryOrPossessive_ChosenByWhatFollows(string dutch, string english)
    {
        Assert.Equal(english, Gloss(dutch));
    }

    [SkippableTheory]
    [InlineData("komende", "coming")]
    [InlineData("dorpjes", "villages")]
    [InlineData("afgeslagen", "beaten off")]
    [InlineData("gisteravond", "last night")]
    public void TranslateWord_MoreForms_Glossed(string dutch, string english)
    {
        Assert.Equal(english, Word(dutch));
    }

    [SkippableFact]
    public void Translate_HyphenatedCompoundWithGlossaryTerm_OpenCompoundInEnglish()
    {
        Assert.Equal("Against the NATO aggression.", Gloss("Tegen de Navo-agressie."));
    }

    [SkippableFact]
    public void Translate_GlossaryTerm_WinsOverTheDictionaryAndTakesPossessive()
    {
        Assert.Equal("Putin's visit to Lukashenko in Minsk", Gloss("Poetins bezoek aan Loekasjenko in Minsk"));
    }

    [SkippableFact]
    public void Translate_GlossaryOverridesDictionaryWord_CaseSensitively()
    {
        var glosser = OfflineDictionary.Create(OfflineDictionary.IndexPath, OfflineDictionary.DictionaryPath, new(StringComparer.Ordinal) { ["oorlog"] = "conflict" });
        OfflineDictionary.Require();

        Assert.Equal("The conflict. War is", glosser.Glosser.Translate("De oorlog. Oorlog is").Text);
    }

    [SkippableFact]
    public void Translate_NamesAndNumbers_KeptAsWritten()
    {
        var gloss = OfflineDictionary.Glosser.Translate("Aleksander bezocht Kaliningrad in 1996, een soort Sovjet-Unie 2.0.");

        Assert.StartsWith("Aleksander ", gloss.Text, StringComparison.Ordinal);
        Assert.Contains(" Kaliningrad in 1996, a kind of Soviet Union 2.0.", gloss.Text, StringComparison.Ordinal);
        Assert.Equal(8, gloss.Words);
        Assert.Equal(6, gloss.TranslatedWords);
    }

    [SkippableFact]
    public void Translate_SentenceStarts_CapitalisedInEnglish()
    {
        Assert.Equal("The war is begun. Yet is it not calm.", Gloss("De oorlog is begonnen. Toch is het niet rustig."));
    }

    [SkippableFact]
    public void Translate_QuotesPunctuationAndWhitespace_Preserved()
    {
        Assert.Equal("“We  will not hesitate.”\n‘Rogues’ (army),\tsoon", Gloss("“We  zullen niet aarzelen.”\n‘Schoften’ (leger),\tstraks"));
    }

    [SkippableFact]
    public void Translate_ArticleBeforeVowel_BecomesAn()
    {
        Assert.Equal("It is an aggressive policy.", Gloss("Het is een agressief beleid."));
    }

    [SkippableFact]
    public void Translate_MultiWordName_TranslatedWhole()
    {
        Assert.Equal("The United States.", Gloss("De Verenigde Staten."));
    }

    [SkippableFact]
    public void Translate_SentenceLengths_SumToBothTextsWithEqualCounts()
    {
        const string Text = "Zo’n verbond bestaat al. Dat is de Euraziatische Unie. ‘De meeste staten’, staat er.";

        var gloss = OfflineDictionary.Glosser.Translate(Text);

        Assert.Equal(3, gloss.SourceSentenceLengths.Count);
        Assert.Equal(gloss.SourceSentenceLengths.Count, gloss.TargetSentenceLengths.Count);
        Assert.Equal(Text.Length, gloss.SourceSentenceLengths.Sum());
        Assert.Equal(gloss.Text.Length, gloss.TargetSentenceLengths.Sum());
        Assert.Equal("Zo’n verbond bestaat al. ", Text[..gloss.SourceSentenceLengths[0]]);
        Assert.Equal("Such an alliance exists already. ", gloss.Text[..gloss.TargetSentenceLengths[0]]);
    }

    [SkippableFact]
    public void Translate_AbbreviationAfterPeriod_NotASentenceBoundary()
    {
        var gloss = OfflineDictionary.Glosser.Translate("Het is 2.0 en dat is goed.");

        Assert.Single(gloss.SourceSentenceLengths);
    }
}
