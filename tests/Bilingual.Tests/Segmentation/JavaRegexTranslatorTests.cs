using System.Text.RegularExpressions;
using Bilingual.Core.Segmentation;

namespace Bilingual.Tests.Segmentation;

public sealed class JavaRegexTranslatorTests
{
    [Theory]
    [InlineData("possessive star", @"\p{Lu}\p{L}*+\.", "Amsterdam.", true)]
    [InlineData("possessive plus gives nothing back", @"a++a", "aaa", false)]
    [InlineData("possessive on a group", @"(ab)++c", "ababc", true)]
    [InlineData("quoted literal", @"\Q...\E\s", "... ", true)]
    [InlineData("quoted literal is not a wildcard", @"\Q...\E", "abc", false)]
    [InlineData("horizontal space", @"a\hb", "a\u00A0b", true)]
    [InlineData("horizontal space excludes newline", @"a\hb", "a\nb", false)]
    [InlineData("vertical space is not vertical tab only", @"a\vb", "a\nb", true)]
    [InlineData("horizontal and vertical space in a class", @"x[\h\v]+y", "x \n y", true)]
    [InlineData("POSIX punctuation", @"\p{Punct}", "!", true)]
    [InlineData("POSIX punctuation is ASCII only", @"\p{Punct}", "’", false)]
    [InlineData("IsAlphabetic", @"^\p{IsAlphabetic}+$", "Oekraïne", true)]
    [InlineData("IsLatin script", @"^\p{IsLatin}+$", "Straße", true)]
    [InlineData("IsLatin excludes Cyrillic", @"\p{IsLatin}", "Київ", false)]
    [InlineData("general category with Is", @"\p{IsLu}", "A", true)]
    [InlineData("single-letter property", @"\pL\pN", "a1", true)]
    [InlineData("negated property", @"^\P{Ll}$", "A", true)]
    [InlineData("javaLowerCase", @"^\p{javaLowerCase}$", "é", true)]
    [InlineData("class intersection with a negated class", @"^[\p{L}&&[^rwn]]$", "r", false)]
    [InlineData("class intersection keeps the rest", @"^[\p{L}&&[^rwn]]$", "s", true)]
    [InlineData("class intersection with a plain class", @"^[a-z&&[def]]$", "e", true)]
    [InlineData("class intersection with a plain class excludes", @"^[a-z&&[def]]$", "a", false)]
    [InlineData("union with a nested class", @"^[a-c[x-z]]+$", "abzx", true)]
    [InlineData("union with a negated class", @"^[a-z[^íáóæ]]$", "í", false)]
    [InlineData("union with a negated class keeps the rest", @"^[a-z[^íáóæ]]$", "é", true)]
    [InlineData("negated class", @"^[^\p{Lu}]$", "a", true)]
    [InlineData("inline unicode flag", @"\b(?iu)prof\.\s", "PROF. ", true)]
    [InlineData("scoped flags without u", @"(?iu:mgr)\.", "MGR.", true)]
    [InlineData("hex escape with braces", @"\x{2026}", "…", true)]
    [InlineData("octal escape", @"\0101", "A", true)]
    [InlineData("escaped non-ASCII letter", @"[a\ظ]", "ظ", true)]
    [InlineData("dot excludes a line separator", @"a.b", "a\u2028b", false)]
    [InlineData("dot matches an ordinary character", @"a.b", "a-b", true)]
    [InlineData("linebreak matcher", @"a\Rb", "a\r\nb", true)]
    [InlineData("lookbehind passes through", @"(?<!\d)\.", "a.", true)]
    public void Translate_JavaConstruct_MatchesAsJavaDoes(string construct, string java, string input, bool matches)
    {
        var regex = new Regex(JavaRegexTranslator.Translate(java), RegexOptions.CultureInvariant);

        Assert.True(regex.IsMatch(input) == matches, $"{construct}: {java} → {JavaRegexTranslator.Translate(java)} on '{input}'");
    }

    [Theory]
    [InlineData(@"\X", @"\X")]
    [InlineData(@"\N{LATIN SMALL LETTER A}", @"\N")]
    [InlineData(@"\p{IsKlingon}", "IsKlingon")]
    [InlineData(@"(?c)a", "'c'")]
    [InlineData(@"\q", @"\q")]
    public void Translate_JavaOnlyConstruct_ThrowsNamingIt(string java, string named)
    {
        var error = Assert.Throws<FormatException>(() => JavaRegexTranslator.Translate(java));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(java, error.Message, StringComparison.Ordinal);
    }
}
