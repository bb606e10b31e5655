using Bilingual.Core.Text;

namespace Bilingual.Tests.Text;

public sealed class WordBoundaryTests
{
    [Theory]
    [InlineData('a', true)]
    [InlineData('ï', true)]
    [InlineData('\u0308', true)] // combining diaeresis: a decomposed "ï" stays inside the word
    [InlineData('7', true)]
    [InlineData('_', true)]
    [InlineData('-', false)]
    [InlineData('\'', false)]
    [InlineData('’', false)]
    [InlineData(' ', false)]
    [InlineData('\u00A0', false)]
    [InlineData('.', false)]
    public void IsWordCharacter_Character_LettersMarksNumbersAndConnectorsOnly(char c, bool expected)
    {
        Assert.Equal(expected, WordBoundary.IsWordCharacter(c));
    }

    [Theory]
    [InlineData("zo’n", 2, true)]
    [InlineData("auto's", 4, true)]
    [InlineData("'s avonds", 0, false)]
    [InlineData("Poetin' zei", 6, false)]
    public void IsInnerApostrophe_Apostrophe_OnlyBetweenWordCharacters(string text, int index, bool expected)
    {
        Assert.Equal(expected, WordBoundary.IsInnerApostrophe(text, index));
    }

    [Theory]
    [InlineData("Navo-top", 5, true)]
    [InlineData("Navotop", 4, false)]
    [InlineData("zo’n", 3, false)]
    [InlineData(" x", 1, true)]
    [InlineData("x", 0, true)]
    public void IsWordStart_Position_AfterNothingOfAWord(string text, int index, bool expected)
    {
        Assert.Equal(expected, WordBoundary.IsWordStart(text, index));
    }

    [Theory]
    [InlineData("Navo-top", 4, true)]
    [InlineData("Navotop", 4, false)]
    [InlineData("zo’n", 2, false)]
    [InlineData("Poetin’ zei", 6, true)]
    [InlineData("x", 1, true)]
    public void IsWordEnd_Position_BeforeNothingOfAWord(string text, int index, bool expected)
    {
        Assert.Equal(expected, WordBoundary.IsWordEnd(text, index));
    }
}
