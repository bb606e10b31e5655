using System.Text.Json;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.LibreTranslate;
using Bilingual.Tests.Translation.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Translation.LibreTranslate;

/// <summary>The LibreTranslate backend against a local fake server: contract, request shape, glossary, limits, errors and the key.</summary>
public sealed class LibreTranslateTranslatorTests : HttpBackendTranslatorTests
{
    private const string Key = "lt-fake-19b0c4d7e2a85f36";

    protected override async Task<ITextTranslator> CreateTranslatorAsync() => (await StartAsync()).Translator;

    private async Task<(FakeLibreTranslateServer Server, LibreTranslateTranslator Translator, ServiceProvider Provider)> StartAsync(
        Dictionary<string, string?>? values = null, FakeLibreTranslateServer? fake = null, Dictionary<string, string?>? extra = null)
    {
        var server = Track(await FakeLibreTranslateServer.StartAsync(fake));
        var settings = new Dictionary<string, string?> { ["Endpoint"] = server.Endpoint.ToString() };
        var provider = Build(s => s.AddLibreTranslateTranslator(), LibreTranslateTranslatorOptions.SectionName, settings, values, extra);
        return (server, provider.GetRequiredService<LibreTranslateTranslator>(), provider);
    }

    private static Task<IReadOnlyList<TranslatedText>> Translate(LibreTranslateTranslator translator, params string[] texts) =>
        translator.TranslateAsync(new TranslationRequest(texts, "nl", "en"), CancellationToken.None);

    [Fact]
    public async Task TranslateAsync_Request_PostsTheBatchAsQWithLanguagesAndTextFormat()
    {
        var (server, translator, _) = await StartAsync();

        var result = await Translate(translator, "De oorlog.", "Kernwapens");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/translate", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var body = request.Json()!.Value;
        Assert.Equal(["De oorlog.", "Kernwapens"], body.GetProperty("q").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("nl", "en", "text"), (body.GetProperty("source").GetString(), body.GetProperty("target").GetString(), body.GetProperty("format").GetString()));
        Assert.False(body.TryGetProperty("api_key", out _));
        Assert.Equal(["The war.", "Nuclear weapons"], result.Select(r => r.Text));
    }

    [Fact]
    public async Task TranslateAsync_ServerWithKeys_SendsApiKeyInTheBody()
    {
        var (server, translator, _) = await StartAsync(new() { ["Key"] = Key }, new FakeLibreTranslateServer { RequiredKey = Key });

        await Translate(translator, "Een.");

        Assert.Equal(Key, Assert.Single(server.Requests).Json()!.Value.GetProperty("api_key").GetString());
    }

    [Fact]
    public async Task TranslateAsync_Glossary_TermsAreProtectedAndRenderedAsRequired()
    {
        var (server, translator, _) = await StartAsync(extra: new()
        {
            ["Translation:Glossary:Poetin"] = "Putin",
            ["Translation:Glossary:Poetins"] = "Putin's",
        });

        var result = await Translate(translator, "Poetin verwacht dat Poetins plan werkt.");

        Assert.DoesNotContain("Poetin", Assert.Single(server.Requests).Body, StringComparison.Ordinal);
        Assert.Equal("Putin expects that Putin's plan werkt.", Assert.Single(result).Text);
    }

    [Fact]
    public async Task TranslateAsync_OverTheServersCharacterLimit_IsTooLargeAndNotRetried()
    {
        var (server, translator, _) = await StartAsync(new() { ["MaxCharactersPerRequest"] = "100000" }, new FakeLibreTranslateServer { CharacterLimit = 10 });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "De oorlog in Oekraïne."));

        Assert.True(error.RequestTooLarge);
        Assert.Contains("MaxCharactersPerRequest", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(null, "LibreTranslate requires an API key (403)")]
    [InlineData("wrong-key-0123", "LibreTranslate refused the API key (403)")]
    public async Task TranslateAsync_MissingOrWrongKey_Is403WithAClearMessageAndNotRetried(string? key, string message)
    {
        var (server, translator, _) = await StartAsync(new() { ["Key"] = key }, new FakeLibreTranslateServer { RequiredKey = Key });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(403, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_UnsupportedLanguage_Is400QuotingTheServer()
    {
        var (_, translator, _) = await StartAsync();

        var error = await Assert.ThrowsAsync<TranslationException>(() =>
            translator.TranslateAsync(new TranslationRequest(["Een."], "nl", "ja"), CancellationToken.None));

        Assert.Equal("LibreTranslate rejected the request (400): ja is not supported; check Translation:From and Translation:To are installed on the server.", error.Message);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task TranslateAsync_TransientStatus_IsRetriedUntilItSucceeds(int status)
    {
        var (server, translator, _) = await StartAsync();
        server.Script.Enqueue(new FakeBackendResponse(status, AfterAuthentication: true));

        var result = await Translate(translator, "Een.");

        Assert.Equal("A.", Assert.Single(result).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task TranslateAsync_ServerKeepsFailing_FailsWithOneClearMessageAfterTheRetries()
    {
        var (server, translator, _) = await StartAsync(new() { ["MaxRetries"] = "2" });
        for (var i = 0; i < 3; i++)
        {
            server.Script.Enqueue(new FakeBackendResponse(500, AfterAuthentication: true));
        }

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Equal("LibreTranslate failed to translate (500): Cannot translate text: internal error.", error.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task TranslateAsync_KeyEchoedByTheServer_NeverLeaksIntoMessagesLogsOrOptions()
    {
        var (server, translator, provider) = await StartAsync(new() { ["Key"] = Key }, new FakeLibreTranslateServer { RequiredKey = Key });
        server.Script.Enqueue(new FakeBackendResponse(400, JsonSerializer.Serialize(new { error = $"api_key {Key} is malformed" }), AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, JsonSerializer.Serialize(provider.GetRequiredService<IOptions<LibreTranslateTranslatorOptions>>().Value), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseResponse_SingleString_IsOneTranslation()
    {
        Assert.Equal(["Hello"], LibreTranslateClient.ParseResponse("""{"translatedText":"Hello"}"""u8.ToArray()));
    }

    [Fact]
    public async Task Descriptor_LimitsAndVersion_FollowTheOptions()
    {
        var (_, translator, _) = await StartAsync(new() { ["MaxTextsPerRequest"] = "7", ["MaxCharactersPerRequest"] = "900", ["ModelVersion"] = "argos-1.9" });

        Assert.Equal(new TranslatorDescriptor("libretranslate", "argos-1.9", translator.Descriptor.OptionsFingerprint, new TranslatorLimits(7, 900), IsRemote: true), translator.Descriptor);
    }

    [Fact]
    public void Options_RemotePlainHttpEndpoint_FailsValidation()
    {
        using var provider = HttpBackendTestHost.Build(s => s.AddLibreTranslateTranslator(), new Dictionary<string, string?>
        {
            ["Translation:LibreTranslate:Endpoint"] = "http://libretranslate.example.org",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LibreTranslateTranslatorOptions>>().Value);

        Assert.Contains("Translation:LibreTranslate:Endpoint", error.Message, StringComparison.Ordinal);
    }
}
