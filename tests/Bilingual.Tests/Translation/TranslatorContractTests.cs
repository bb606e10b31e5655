using Bilingual.Core.Translation;

namespace Bilingual.Tests.Translation;

/// <summary>
/// What every translation backend must do, whatever it talks to. Each backend's test class inherits
/// this and supplies the backend (pointed at a local fake where the real service is remote).
/// </summary>
public abstract class TranslatorContractTests
{
    /// <summary>Creates the backend under test, translating Dutch into English.</summary>
    protected abstract Task<ITextTranslator> CreateTranslatorAsync();

    [SkippableFact]
    public async Task TranslateAsync_Batch_ReturnsOneNonEmptyTranslationPerTextInOrder()
    {
        var translator = await CreateTranslatorAsync();
        string[] texts = ["De oorlog in Oekraïne.", "Kernwapens", "Poetin verwacht dat het op 1 juli zover is."];

        var result = await translator.TranslateAsync(new TranslationRequest(texts, "nl", "en"), CancellationToken.None);

        Assert.Equal(texts.Length, result.Count);
        Assert.All(result, t => Assert.False(string.IsNullOrWhiteSpace(t.Text)));
        Assert.Contains("1", result[2].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TranslateAsync_EmptyBatch_ReturnsEmpty()
    {
        var translator = await CreateTranslatorAsync();

        var result = await translator.TranslateAsync(new TranslationRequest([], "nl", "en"), CancellationToken.None);

        Assert.Empty(result);
    }

    [SkippableFact]
    public async Task TranslateAsync_SentenceLengths_CoverSourceAndTargetExactly()
    {
        var translator = await CreateTranslatorAsync();
        const string text = "Zo’n verbond bestaat al. Dat is de Euraziatische Unie.";

        var result = (await translator.TranslateAsync(new TranslationRequest([text], "nl", "en"), CancellationToken.None))[0];

        // Backends that report boundaries must report ones that add up to the texts they describe.
        if (result.SourceSentenceLengths is { } sourceLengths && result.TargetSentenceLengths is { } targetLengths)
        {
            Assert.Equal(text.Length, sourceLengths.Sum());
            Assert.Equal(result.Text.Length, targetLengths.Sum());
            Assert.Equal(sourceLengths.Count, targetLengths.Count);
        }
        else
        {
            Assert.Null(result.SourceSentenceLengths);
            Assert.Null(result.TargetSentenceLengths);
        }
    }

    [SkippableFact]
    public async Task TranslateAsync_Cancelled_ThrowsOperationCanceled()
    {
        var translator = await CreateTranslatorAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            translator.TranslateAsync(new TranslationRequest(["Goedemorgen."], "nl", "en"), cancelled.Token));
    }

    [SkippableFact]
    public async Task Descriptor_NameVersionAndLimits_AreUsable()
    {
        var translator = await CreateTranslatorAsync();

        Assert.False(string.IsNullOrWhiteSpace(translator.Descriptor.Name));
        Assert.False(string.IsNullOrWhiteSpace(translator.Descriptor.Version));
        Assert.NotNull(translator.Descriptor.OptionsFingerprint);
        Assert.True(translator.Descriptor.Limits.MaxElements > 0);
        Assert.True(translator.Descriptor.Limits.MaxCharacters > 0);
    }
}
