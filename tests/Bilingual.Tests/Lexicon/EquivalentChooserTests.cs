using System.Collections.Frozen;
using Bilingual.Core.Lexicon;

namespace Bilingual.Tests.Lexicon;

public class EquivalentChooserTests
{
    private static readonly EquivalentChooser Chooser = new(FrozenSet.ToFrozenSet(
        ["all", "more", "according", "accordance", "stir", "take", "aim", "car", "pet", "carpet", "tack", "ban", "don", "quite", "week", "last", "give", "account"],
        StringComparer.Ordinal));

    [Theory]
    [InlineData("allthemore", "all the more")]
    [InlineData("accordingto", "according to")]
    [InlineData("inaccordancewith", "in accordance with")]
    [InlineData("stirup", "stir up")]
    [InlineData("tothe", "to the")]
    [InlineData("notquite", "not quite")]
    [InlineData("giveanaccount", "give an account")]
    [InlineData("lastweek", "last week")]
    public void Unglue_GluedPhrase_SplitsIntoWords(string glued, string expected)
    {
        Assert.Equal(expected, Chooser.Unglue(glued));
    }

    [Theory]
    [InlineData("carpet")]
    [InlineData("weekcar")]
    [InlineData("attack")]
    [InlineData("abandon")]
    [InlineData("together")]
    [InlineData("Occident")]
    public void Unglue_RealWordOrUnsafeSplit_Unchanged(string word)
    {
        Assert.Equal(word, Chooser.Unglue(word));
    }

    [Fact]
    public void Choose_CognateInLaterSense_PreferredOverFirstSense()
    {
        var entry = FreeDictEntry.Parse("signaal /sinjal/\nmark, sign, signal, token\n")!;

        Assert.Equal("signal", Chooser.Choose([entry], "signaal", capitalised: false, forCompoundHead: false));
    }

    [Fact]
    public void Choose_CompoundHead_PrefersPrefixEntry()
    {
        var prefix = FreeDictEntry.Parse("kern\u2010 /kˈɛrn/\nnuclear\n")!;
        var word = FreeDictEntry.Parse("kern /kɛrn/\n1. essence, gist\n2. core, nucleus\n")!;

        Assert.Equal("nuclear", Chooser.Choose([word, prefix], "kern", capitalised: false, forCompoundHead: true));
        Assert.Equal("essence", Chooser.Choose([word, prefix], "kern", capitalised: false, forCompoundHead: false));
    }

    [Fact]
    public void Choose_OnlySuffixOrFragment_ReturnsNull()
    {
        var suffix = FreeDictEntry.Parse("\u2010de /dˈə/\n\u2010th\n")!;

        Assert.Null(Chooser.Choose([suffix], "de", capitalised: false, forCompoundHead: false));
    }

    [Theory]
    [InlineData("signal", "signaal", true)]
    [InlineData("help", "helpen", true)]
    [InlineData("invasion", "invasie", true)]
    [InlineData("mark", "signaal", false)]
    [InlineData("red", "rood", false)]
    public void IsCognate_Spelling_Decides(string english, string dutch, bool expected)
    {
        Assert.Equal(expected, EquivalentChooser.IsCognate(english, dutch));
    }
}
