using Bilingual.Core.Alignment;

namespace Bilingual.Tests.Alignment;

public sealed class SentenceFeaturesTests
{
    [Fact]
    public void WithOtherLanguage_CombinedBags_ShareWhatEachComparisonSharesAndNothingElse()
    {
        // A bridge side (French MT of the source, plus the German source) against a target side (the French
        // target, plus its German MT).
        var bridgeSide = SentenceFeatures.WithOtherLanguage(SentenceFeatures.Count("la maison"), SentenceFeatures.Count("das Haus"));
        var targetSide = SentenceFeatures.WithOtherLanguage(SentenceFeatures.Count("une maison"), SentenceFeatures.Count("ein Haus"));
        var french = SentenceFeatures.Count("la maison").Keys.Intersect(SentenceFeatures.Count("une maison").Keys).Count();
        var german = SentenceFeatures.Count("das Haus").Keys.Intersect(SentenceFeatures.Count("ein Haus").Keys).Count();

        Assert.Equal(french + german, bridgeSide.Keys.Intersect(targetSide.Keys).Count());
        Assert.True(german > 0);
    }

    [Fact]
    public void WithOtherLanguage_TheSameWordInTheOtherLanguagesPart_NeverMeetsItself()
    {
        var own = SentenceFeatures.Count("Berlin 2023");
        var other = SentenceFeatures.WithOtherLanguage([], SentenceFeatures.Count("Berlin 2023"));

        Assert.Empty(own.Keys.Intersect(other.Keys));
        Assert.Equal(own.Values.Sum(), other.Values.Sum());
    }
}
