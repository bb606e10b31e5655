using Bilingual.Tests.Lexicon;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Offline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Translation.Offline;

public class OfflineDictionaryTranslatorTests : TranslatorContractTests
{
    protected override Task<ITextTranslator> CreateTranslatorAsync() =>
        Task.FromResult<ITextTranslator>(OfflineDictionary.SharedTranslator);

    [SkippableFact]
    public void Descriptor_Offline_IsAnUnboundedGloss()
    {
        var descriptor = OfflineDictionary.SharedTranslator.Descriptor;

        Assert.Equal("offline", descriptor.Name);
        Assert.True(descriptor.IsGloss);
        Assert.Equal(TranslatorLimits.Unbounded, descriptor.Limits);
        Assert.Matches("^freedict-nld-eng-[0-9a-f]{12}\\+gloss[0-9]+$", descriptor.Version);
    }

    [Fact]
    public void Descriptor_OptionsFingerprint_FollowsTheGlossaryNotItsOrder()
    {
        var one = OfflineDictionaryTranslator.GlossaryFingerprint(new Dictionary<string, string> { ["Poetin"] = "Putin", ["Kiev"] = "Kyiv" });
        var sameReordered = OfflineDictionaryTranslator.GlossaryFingerprint(new Dictionary<string, string> { ["Kiev"] = "Kyiv", ["Poetin"] = "Putin" });
        var other = OfflineDictionaryTranslator.GlossaryFingerprint(new Dictionary<string, string> { ["Poetin"] = "Putin", ["Kiev"] = "Kiev" });

        Assert.Equal(one, sameReordered);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public async Task TranslateAsync_DictionaryMissing_ClearErrorAtFirstUse()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bilingual-no-such-dictionary", "freedict-nld-eng.index");
        var translator = OfflineDictionary.Create(missing, missing + ".dict.dz");

        // Building the backend and reading its descriptor never touch the files.
        Assert.EndsWith("missing+gloss" + OfflineDictionaryTranslator.AlgorithmVersion, translator.Descriptor.Version, StringComparison.Ordinal);
        var exception = await Assert.ThrowsAsync<TranslationException>(() =>
            translator.TranslateAsync(new TranslationRequest(["De oorlog."], "nl", "en"), CancellationToken.None));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dict-freedict-nld-eng", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_DictionaryInstalledAfterAFailure_Recovers()
    {
        var directory = Directory.CreateTempSubdirectory("bilingual-dictd-").FullName;
        try
        {
            var index = Path.Combine(directory, "test.index");
            var data = Path.Combine(directory, "test.dict");
            var translator = OfflineDictionary.Create(index, data);
            var request = new TranslationRequest(["oorlog"], "nl", "en");
            await Assert.ThrowsAsync<TranslationException>(() => translator.TranslateAsync(request, CancellationToken.None));

            var (writtenIndex, writtenData) = SmallDictionary.Write(directory, compressed: false);
            Assert.Equal((index, data), (writtenIndex, writtenData));

            Assert.Equal("War", (await translator.TranslateAsync(request, CancellationToken.None))[0].Text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task TranslateAsync_OtherLanguagePair_Refused()
    {
        var translator = OfflineDictionary.Create("unused.index", "unused.dict");

        var exception = await Assert.ThrowsAsync<TranslationException>(() =>
            translator.TranslateAsync(new TranslationRequest(["Bonjour."], "fr", "en"), CancellationToken.None));

        Assert.Contains("nl into en", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_SmallDictionary_GlossesWithIt()
    {
        var directory = Directory.CreateTempSubdirectory("bilingual-dictd-").FullName;
        try
        {
            var (index, data) = SmallDictionary.Write(directory, compressed: true);
            var translator = OfflineDictionary.Create(index, data);

            var result = await translator.TranslateAsync(new TranslationRequest(["Oorlog en kernwapens."], "nl", "en"), CancellationToken.None);

            Assert.Equal("War and nuclear weapons.", result[0].Text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact]
    public async Task TranslateAsync_ConcurrentFirstUse_LoadsOnceAndAgrees()
    {
        var translator = OfflineDictionary.CreateTranslator();
        var request = new TranslationRequest(["De kernwapens van Rusland."], "nl", "en");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => translator.TranslateAsync(request, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal("The nuclear weapons of Russia.", r[0].Text));
    }

    [Fact]
    public void AddOfflineTranslator_Registration_ConcreteSingletonNotTheInterface()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["Translation:Glossary:Poetin"] = "Putin" });

        var translator = provider.GetRequiredService<OfflineDictionaryTranslator>();

        Assert.Same(translator, provider.GetRequiredService<OfflineDictionaryTranslator>());
        Assert.Null(provider.GetService<ITextTranslator>());
        Assert.Equal("/usr/share/dictd/freedict-nld-eng.index", provider.GetRequiredService<IOptions<OfflineTranslatorOptions>>().Value.IndexPath);
        Assert.Equal(
            OfflineDictionaryTranslator.GlossaryFingerprint(new Dictionary<string, string> { ["Poetin"] = "Putin" }),
            translator.Descriptor.OptionsFingerprint);
    }

    [Fact]
    public void AddOfflineTranslator_EmptyPath_FailsValidation()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["Translation:Offline:IndexPath"] = "" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OfflineTranslatorOptions>>().Value);

        Assert.Contains("Translation:Offline:IndexPath is required", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOfflineTranslator();
        return services.BuildServiceProvider();
    }
}
