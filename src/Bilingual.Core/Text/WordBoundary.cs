using System.Globalization;

namespace Bilingual.Core.Text;

/// <summary>
/// The one definition of where a word begins and ends, for glossary matching and the QA checks.
/// A word is a run of word characters: letters (<c>\p{L}</c>), combining marks (<c>\p{M}</c>, so a
/// decomposed <c>ï</c> in <c>Oekraïne</c> does not end the word), numbers (<c>\p{N}</c>) and connector
/// punctuation (<c>\p{Pc}</c>, the underscore of handles and file names). An apostrophe between two word
/// characters is inside the word (<c>zo’n</c>, <c>auto's</c>, <c>Putin's</c>); a hyphen, a space and every
/// other punctuation mark end it (<c>Navo-top</c> is the words <c>Navo</c> and <c>top</c>).
/// </summary>
internal static class WordBoundary
{
    /// <summary>Whether <paramref name="c"/> is a word character: a letter, combining mark, number or connector.</summary>
    public static bool IsWordCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.ConnectorPunctuation => true,
        // Surrogate halves (emoji, rare CJK extensions) are not: Dutch and English letters are all in the BMP.
        _ => false,
    };

    /// <summary>Whether <paramref name="c"/> is an apostrophe: the typewriter <c>'</c> or the typographic <c>’</c>.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’';

    /// <summary>Whether the apostrophe at <paramref name="index"/> sits between two word characters, so is part of the word.</summary>
    public static bool IsInnerApostrophe(ReadOnlySpan<char> text, int index) =>
        index > 0 && index + 1 < text.Length && IsApostrophe(text[index])
        && IsWordCharacter(text[index - 1]) && IsWordCharacter(text[index + 1]);

    /// <summary>Whether a word may start at <paramref name="index"/>: nothing of a word comes right before it.</summary>
    public static bool IsWordStart(ReadOnlySpan<char> text, int index) =>
        index <= 0 || (!IsWordCharacter(text[index - 1]) && !IsInnerApostrophe(text, index - 1));

    /// <summary>Whether a word may end just before <paramref name="index"/>: nothing of the word follows.</summary>
    public static bool IsWordEnd(ReadOnlySpan<char> text, int index) =>
        index >= text.Length || (!IsWordCharacter(text[index]) && !IsInnerApostrophe(text, index));
}
