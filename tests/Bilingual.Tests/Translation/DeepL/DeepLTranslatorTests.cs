using System.Text.Json;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.DeepL;
using Bilingual.Tests.Translation.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Translation.DeepL;

/// <summary>The DeepL backend against a local fake of the API v2: contract, request shape, limits, errors and the key.</summary>
public sealed class DeepLTranslatorTests : HttpBackendTranslatorTests
{

    protected override async Task<ITextTranslator> CreateTranslatorAsync() => (await StartAsync()).Translator;

    private async Task<(FakeDeepLServer Server, DeepLTranslator Translator, ServiceProvider Provider)> StartAsync(
        Dictionary<string, string?>? values = null, FakeDeepLServer? fake = null, Dictionary<string, string?>? extra = null)
    {
        var server = Track(await FakeDeepLServer.StartAsync(fake));
        var settings = new Dictionary<string, string?> { ["Endpoint"] = server.Endpoint.ToString(), ["Key"] = server.Key };
        var provider = Build(s => s.AddDeepLTranslator(), DeepLTranslatorOptions.SectionName, settings, values, extra);
        return (server, provider.GetRequiredService<DeepLTranslator>(), provider);
    }

    private static Task<IReadOnlyList<TranslatedText>> Translate(DeepLTranslator translator, params string[] texts) =>
        translator.TranslateAsync(new TranslationRequest(texts, "nl", "en"), CancellationToken.None);

    [Fact]
    public async Task TranslateAsync_Request_HasTheDocumentedPathHeaderAndBody()
    {
        var (server, translator, _) = await StartAsync();

        var result = await Translate(translator, "De oorlog.", "Kernwapens");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/translate", request.Path);
        Assert.Equal($"DeepL-Auth-Key {server.Key}", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var body = request.Json()!.Value;
        Assert.Equal(["De oorlog.", "Kernwapens"], body.GetProperty("text").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("NL", body.GetProperty("source_lang").GetString());
        Assert.Equal("EN-GB", body.GetProperty("target_lang").GetString());
        Assert.Equal("nonewlines", body.GetProperty("split_sentences").GetString());
        Assert.True(body.GetProperty("preserve_formatting").GetBoolean());
        Assert.False(body.TryGetProperty("glossary_id", out _));
        Assert.Equal(["The war.", "Nuclear weapons"], result.Select(r => r.Text));
    }

    [Fact]
    public async Task TranslateAsync_EnUsAndGlossaryId_AreSent()
    {
        var (server, translator, _) = await StartAsync(new() { ["TargetLanguage"] = "EN-US", ["GlossaryId"] = "def3a26b-3e84-45b3-84ae-0c0aaf3525f7" });

        await Translate(translator, "Een.");

        var body = Assert.Single(server.Requests).Json()!.Value;
        Assert.Equal("EN-US", body.GetProperty("target_lang").GetString());
        Assert.Equal("def3a26b-3e84-45b3-84ae-0c0aaf3525f7", body.GetProperty("glossary_id").GetString());
    }

    [Fact]
    public async Task TranslateAsync_GlossaryTermNotRendered_IsLoggedAsAWarning()
    {
        var (_, translator, _) = await StartAsync(extra: new() { ["Translation:Glossary:Poetin"] = "Putin" });

        await Translate(translator, "Poetin verwacht het.");

        Assert.Contains(Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Poetin", StringComparison.Ordinal) && l.Contains("GlossaryId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "en", "NL", "EN-GB")]
    [InlineData("nl_BE", "EN", "NL", "EN-GB")]
    [InlineData("en-US", "pt_br", "EN", "PT-BR")]
    [InlineData("nl", "zh-hans", "NL", "ZH-HANS")]
    public void SourceAndTargetLanguage_Tags_AreDeepLsCodes(string from, string to, string source, string target)
    {
        Assert.Equal((source, target), (DeepLTranslator.SourceLanguage(from), DeepLTranslator.TargetLanguage(to, "EN-GB")));
    }

    [Theory]
    [InlineData("abc:fx", "https://api-free.deepl.com/v2/translate")]
    [InlineData("abc", "https://api.deepl.com/v2/translate")]
    public void TranslateUri_NoEndpoint_FollowsTheKeysPlan(string key, string expected)
    {
        using var provider = HttpBackendTestHost.Build(s => s.AddDeepLTranslator(), new Dictionary<string, string?> { ["Translation:DeepL:Key"] = key });

        Assert.Equal(new Uri(expected), provider.GetRequiredService<DeepLClient>().TranslateUri);
    }

    [Fact]
    public async Task Descriptor_Limits_AreTheApisFiftyTextsAndAFingerprintThatFollowsTheOptions()
    {
        var (_, gb, _) = await StartAsync();
        var (_, us, _) = await StartAsync(new() { ["TargetLanguage"] = "EN-US" });

        Assert.Equal(("deepl", 50), (gb.Descriptor.Name, gb.Descriptor.Limits.MaxElements));
        Assert.NotEqual(gb.Descriptor.OptionsFingerprint, us.Descriptor.OptionsFingerprint);
    }

    [Fact]
    public async Task TranslateAsync_BodyOver128KiB_IsRefusedAsTooLargeBeforeSending()
    {
        var (server, translator, _) = await StartAsync(new() { ["MaxCharactersPerRequest"] = "130000" });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, new string('ë', 70_000)));

        Assert.True(error.RequestTooLarge);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(400, "DeepL rejected the request as malformed (400)", false)]
    [InlineData(404, "DeepL did not find the resource (404)", false)]
    [InlineData(413, "The request is larger than DeepL accepts (413).", true)]
    [InlineData(456, "The DeepL account's character quota is used up (456)", false)]
    public async Task TranslateAsync_ErrorStatus_MapsToOneClearMessageWithoutRetrying(int status, string message, bool tooLarge)
    {
        var (server, translator, _) = await StartAsync();
        server.Script.Enqueue(new FakeBackendResponse(status, AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((status, tooLarge), (error.StatusCode, error.RequestTooLarge));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_QuotaExceeded_Is456AndNeverRetried()
    {
        var (server, translator, _) = await StartAsync(fake: new FakeDeepLServer { CharacterQuota = 5 });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "De oorlog in Oekraïne."));

        Assert.Equal(456, error.StatusCode);
        Assert.Contains("quota", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_WrongKey_Is403WithAClearMessageAndNeverRetried()
    {
        var (server, translator, _) = await StartAsync(new() { ["Key"] = "wrong-key-0123456789" });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("Translation:DeepL:Key", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task TranslateAsync_TransientStatus_IsRetriedUntilItSucceeds(int status)
    {
        var (server, translator, _) = await StartAsync();
        server.Script.Enqueue(new FakeBackendResponse(status, AfterAuthentication: true));
        server.Script.Enqueue(new FakeBackendResponse(status, AfterAuthentication: true));

        var result = await Translate(translator, "Een.");

        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task TranslateAsync_KeyInResponseLogsAndOptions_NeverLeaks()
    {
        var (server, translator, provider) = await StartAsync();
        server.Script.Enqueue(new FakeBackendResponse(400, JsonSerializer.Serialize(new { message = $"Bad key {server.Key} given" }), AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));
        await Translate(translator, "Een.");

        Assert.DoesNotContain(server.Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(server.Key, StringComparison.Ordinal));
        Assert.NotEmpty(Logs.Lines);
        var options = provider.GetRequiredService<IOptions<DeepLTranslatorOptions>>().Value;
        Assert.Equal(server.Key, options.Key);
        Assert.DoesNotContain(server.Key, JsonSerializer.Serialize(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TargetLanguage", "EN")]
    [InlineData("SplitSentences", "2")]
    [InlineData("MaxTextsPerRequest", "51")]
    [InlineData("Endpoint", "http://api.deepl.com")]
    public void Options_OutOfRange_FailValidationNamingTheSetting(string name, string value)
    {
        using var provider = HttpBackendTestHost.Build(s => s.AddDeepLTranslator(), new Dictionary<string, string?>
        {
            ["Translation:DeepL:Key"] = "k",
            [$"Translation:DeepL:{name}"] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeepLTranslatorOptions>>().Value);

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
