using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Azure;
using Bilingual.Core.Translation.DeepL;
using Bilingual.Core.Translation.LibreTranslate;
using Bilingual.Core.Translation.Llm;
using Bilingual.Core.Translation.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Bilingual.Tests.Translation.Http;

namespace Bilingual.Tests.Translation;

/// <summary><c>Translation:Backend</c> chooses the registered <see cref="ITextTranslator"/>, and refuses a backend without its key at start.</summary>
public sealed class BackendSelectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        // Without the cache the service cannot be built, so only what the selection needs is validated.
        HttpBackendTestHost.Build(s => s.AddTranslation(), settings, validateOnBuild: false);

    [Theory]
    [InlineData("deepl", typeof(DeepLTranslator))]
    [InlineData("libretranslate", typeof(LibreTranslateTranslator))]
    [InlineData("llm", typeof(LlmTranslator))]
    [InlineData("azure", typeof(AzureTranslator))]
    public void AddTranslation_Backend_ResolvesThatBackend(string backend, Type expected)
    {
        using var provider = Build(new()
        {
            ["Translation:Backend"] = backend,
            ["Translation:DeepL:Key"] = "deepl-key:fx",
            ["Translation:Azure:Key"] = "azure-key",
            ["Translation:Llm:Key"] = "sk-key",
        });

        Assert.Equal(backend, provider.GetRequiredService<IOptions<TranslationOptions>>().Value.Backend);
        Assert.IsType(expected, provider.GetRequiredService<ITextTranslator>());
    }

    [Fact]
    public void AddTranslation_AutoWithOnlyADeepLKey_StaysOffline()
    {
        using var provider = Build(new() { ["Translation:DeepL:Key"] = "deepl-key:fx" });

        Assert.Equal("auto", provider.GetRequiredService<IOptions<TranslationOptions>>().Value.Backend);
        Assert.IsType<OfflineDictionaryTranslator>(provider.GetRequiredService<ITextTranslator>());
    }

    [Theory]
    [InlineData("deepl", "Translation:DeepL:Key")]
    [InlineData("llm", "Translation:Llm:Key")]
    public void AddTranslation_BackendWithoutItsKey_FailsAtStartNamingTheSetting(string backend, string setting)
    {
        using var provider = Build(new() { ["Translation:Backend"] = backend });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TranslationOptions>>().Value);

        Assert.Contains($"Translation:Backend is {backend}", error.Message, StringComparison.Ordinal);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTranslation_LlmOnALocalServerWithoutKey_IsAccepted()
    {
        using var provider = Build(new() { ["Translation:Backend"] = "llm", ["Translation:Llm:Endpoint"] = "http://127.0.0.1:8080" });

        Assert.IsType<LlmTranslator>(provider.GetRequiredService<ITextTranslator>());
    }

    [Fact]
    public void AddTranslation_UnknownBackend_ListsTheChoices()
    {
        using var provider = Build(new() { ["Translation:Backend"] = "google" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TranslationOptions>>().Value);

        Assert.Contains("auto, azure, offline, deepl, libretranslate, llm", error.Message, StringComparison.Ordinal);
    }
}
