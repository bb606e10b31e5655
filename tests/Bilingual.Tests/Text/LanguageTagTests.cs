using Bilingual.Core.Text;

namespace Bilingual.Tests.Text;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("NL", "nl")]
    [InlineData("nl-nl", "nl-NL")]
    [InlineData("EN-GB", "en-GB")]
    [InlineData("en_gb", "en-GB")]
    [InlineData(" nl-BE ", "nl-BE")]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("ZH_HANT_TW", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("en-CA-X-CA", "en-CA-x-ca")]
    [InlineData("az-Latn-x-LATN", "az-Latn-x-latn")]
    public void Normalize_Tag_FollowsBcp47CaseConventions(string tag, string expected)
    {
        Assert.Equal(expected, LanguageTag.Normalize(tag));
    }

    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("nl-BE", "nl")]
    [InlineData("NL_nl", "nl")]
    [InlineData("EN-GB", "en")]
    [InlineData("zh-Hans", "zh")]
    [InlineData(" en ", "en")]
    public void PrimaryLanguage_Tag_IsTheFirstSubtagInLowerCase(string tag, string expected)
    {
        Assert.Equal(expected, LanguageTag.PrimaryLanguage(tag));
    }

    [Theory]
    [InlineData("nl", "nl", true)]
    [InlineData("nl", "nl-BE", true)]
    [InlineData("NL", "nl_be", true)]
    [InlineData("nl", "nld", false)]
    [InlineData("nl-BE", "nl", false)]
    [InlineData("nl-BE", "nl-NL", false)]
    [InlineData("zh-Hans", "zh-hans-CN", true)]
    [InlineData("zh-Hans", "zh-Hant", false)]
    [InlineData("*", "fr", true)]
    [InlineData("en", "eng", false)]
    public void Matches_RangeAndTag_IsBasicFiltering(string range, string tag, bool expected)
    {
        Assert.Equal(expected, LanguageTag.Matches(range, tag));
    }

    [Theory]
    [InlineData("en-GB", "EN_gb", true)]
    [InlineData("nl", "NL", true)]
    [InlineData("nl", "nl-NL", false)]
    [InlineData(null, null, true)]
    [InlineData("nl", null, false)]
    public void AreSame_TwoTags_IgnoreCaseAndSeparator(string? first, string? second, bool expected)
    {
        Assert.Equal(expected, LanguageTag.AreSame(first, second));
    }
}
