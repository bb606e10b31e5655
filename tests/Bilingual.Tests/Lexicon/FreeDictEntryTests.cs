using Bilingual.Core.Lexicon;

namespace Bilingual.Tests.Lexicon;

public class FreeDictEntryTests
{
    [Fact]
    public void Parse_NumberedSenses_SplitsSensesAndEquivalents()
    {
        var entry = FreeDictEntry.Parse("land /lɑnt/\n1. field\n2. country, land\n3. earth, soil\n")!;

        Assert.Equal("land", entry.Headword);
        Assert.Equal(3, entry.Senses.Count);
        Assert.Equal(["country", "land"], entry.Senses[1]);
    }

    [Fact]
    public void Parse_SingleSense_OneLineOfEquivalents()
    {
        var entry = FreeDictEntry.Parse("president /prezidɛnt/\nchairman, president\n")!;

        Assert.Equal(["chairman", "president"], Assert.Single(entry.Senses));
    }

    [Fact]
    public void Parse_PrefixEntryWithUnicodeHyphenAndLigature_Normalised()
    {
        var prefix = FreeDictEntry.Parse("kern\u2010 /kˈɛrn/\nnuclear\n")!;
        var ligature = FreeDictEntry.Parse("z\u0133n /zˈɪn/\n1. existence\n2. be\n")!;

        Assert.True(prefix.IsPrefix);
        Assert.Equal("kern-", prefix.Headword);
        Assert.Equal("zijn", ligature.Headword);
    }

    [Fact]
    public void Parse_SuffixFragmentAndParenthetical_Flagged()
    {
        var suffix = FreeDictEntry.Parse("\u2010de /dˈə/\n\u2010th\n")!;
        var fragment = FreeDictEntry.Parse("... aanvoelen /ˈaːnvˌulən/\nfeel...\n")!;
        var parenthetical = FreeDictEntry.Parse("hop (plant) /hˈɔ plˈɑnt/\nhop (plant), hops\n")!;

        Assert.True(suffix.IsSuffix);
        Assert.True(fragment.IsFragment);
        Assert.Equal("feel", fragment.Senses[0][0]);
        Assert.Equal("hop", parenthetical.Headword);
        Assert.Equal(["hop", "hops"], parenthetical.Senses[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("oorlog /orlɔx/\n")]
    [InlineData("oorlog /orlɔx/\n1. \n")]
    public void Parse_NoEquivalent_ReturnsNull(string text)
    {
        Assert.Null(FreeDictEntry.Parse(text));
    }
}
