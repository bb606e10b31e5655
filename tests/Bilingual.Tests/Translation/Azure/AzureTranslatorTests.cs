using System.Text.Json;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Azure;
using Bilingual.Core.Translation.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Translation.Azure;

/// <summary>The Azure backend against a local fake of the Translator v3.0 API: contract, request shape, parsing, errors.</summary>
public sealed class AzureTranslatorTests : TranslatorContractTests, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    protected override async Task<ITextTranslator> CreateTranslatorAsync()
    {
        var (_, translator) = await StartAsync();
        return translator;
    }

    private async Task<(FakeTranslatorServer Server, AzureTranslator Translator)> StartAsync(
        Dictionary<string, string?>? settings = null, FakeTranslatorServerOptions? serverOptions = null, CapturingLoggerProvider? logs = null)
    {
        var server = await FakeTranslatorServer.StartAsync(serverOptions);
        disposables.Add(server);
        var provider = AzureTestHost.Build(server, settings: settings, logs: logs);
        disposables.Add(provider);
        return (server, provider.GetRequiredService<AzureTranslator>());
    }

    private static Task<IReadOnlyList<TranslatedText>> Translate(AzureTranslator translator, params string[] texts) =>
        translator.TranslateAsync(new TranslationRequest(texts, "nl", "en"), CancellationToken.None);

    [Fact]
    public async Task TranslateAsync_Request_HasTheDocumentedShapeAndHeaders()
    {
        var (server, translator) = await StartAsync();

        await Translate(translator, "De oorlog.", "Kernwapens");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/translate", request.Path);
        Assert.Equal("3.0", request.Query["api-version"]);
        Assert.Equal("nl", request.Query["from"]);
        Assert.Equal("en", request.Query["to"]);
        Assert.Equal("true", request.Query["includeSentenceLength"]);
        Assert.False(request.Query.ContainsKey("category"));
        Assert.False(request.Query.ContainsKey("textType"));
        Assert.Equal(server.Options.Key, request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Ocp-Apim-Subscription-Region"));
        Assert.True(Guid.TryParse(request.Header("X-ClientTraceId"), out _));
        Assert.Equal("application/json; charset=UTF-8", request.Header("Content-Type"));
        Assert.Equal("""[{"Text":"De oorlog."},{"Text":"Kernwapens"}]""", request.Body);
    }

    [Fact]
    public async Task TranslateAsync_RegionCategoryAndHtml_AreSentAndChangeTheDescriptor()
    {
        var (server, translator) = await StartAsync(new()
        {
            ["Translation:Azure:Region"] = "westeurope",
            ["Translation:Azure:Category"] = "a2b4c6-GENERAL",
            ["Translation:Azure:TextType"] = "html",
        });

        await Translate(translator, "<p>De oorlog.</p>");
        await Translate(translator, "Nog een.");

        var requests = server.Requests.ToArray();
        Assert.Equal("westeurope", requests[0].Header("Ocp-Apim-Subscription-Region"));
        Assert.Equal("a2b4c6-GENERAL", requests[0].Query["category"]);
        Assert.Equal("html", requests[0].Query["textType"]);
        Assert.NotEqual(requests[0].Header("X-ClientTraceId"), requests[1].Header("X-ClientTraceId"));
        Assert.Equal("3.0+a2b4c6-GENERAL", translator.Descriptor.Version);
    }

    [Fact]
    public async Task TranslateAsync_Response_ParsesTextsAndSentenceLengths()
    {
        var (_, translator) = await StartAsync();
        const string text = "Zo’n verbond bestaat al. Dat is de Euraziatische Unie.";

        var result = Assert.Single(await Translate(translator, text));

        Assert.Equal("Zo’n verbond exists already. That is the Euraziatische Unie.", result.Text);
        Assert.Equal([25, 29], result.SourceSentenceLengths);
        Assert.Equal([29, 31], result.TargetSentenceLengths);
    }

    [Fact]
    public async Task TranslateAsync_Glossary_IsSentAsDynamicDictionaryMarkupThatNeverLeaks()
    {
        var server = await FakeTranslatorServer.StartAsync();
        disposables.Add(server);
        await using var provider = AzureTestHost.Build(server, settings: new Dictionary<string, string?>
        {
            ["Translation:Glossary:Poetin"] = "Putin",
            ["Translation:Glossary:Loekasjenko"] = "Lukashenko",
        });
        var translator = provider.GetRequiredService<AzureTranslator>();
        const string text = "Poetin ontmoette Loekasjenko. Poetins plan is oud. Dat zei Poetin.";

        var result = Assert.Single(await Translate(translator, text));

        var sent = Assert.Single(Assert.Single(server.Requests).Texts);
        Assert.Contains("""<mstrans:dictionary translation="Putin">Poetin</mstrans:dictionary> ontmoette""", sent, StringComparison.Ordinal);
        Assert.Contains("""<mstrans:dictionary translation="Lukashenko">Loekasjenko</mstrans:dictionary>.""", sent, StringComparison.Ordinal);
        // A name's genitive is the term too, and requires the possessive rendering.
        Assert.Contains("""<mstrans:dictionary translation="Putin's">Poetins</mstrans:dictionary> plan""", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("mstrans", result.Text, StringComparison.Ordinal);
        Assert.StartsWith("Putin ontmoette Lukashenko. ", result.Text, StringComparison.Ordinal);
        // The service measured the marked-up text; the lengths must describe the original.
        Assert.Equal([30, 21, 15], result.SourceSentenceLengths);
        Assert.Equal(text.Length, result.SourceSentenceLengths!.Sum());
        Assert.Equal(result.Text.Length, result.TargetSentenceLengths!.Sum());
    }

    [Fact]
    public async Task Descriptor_IsAzureVersion30WithLimitsFromOptionsAndAGlossaryFingerprint()
    {
        var (_, plain) = await StartAsync(new() { ["Translation:Azure:MaxElementsPerRequest"] = "100" });
        var (_, withGlossary) = await StartAsync(new() { ["Translation:Glossary:Poetin"] = "Putin" });

        Assert.Equal("azure", plain.Descriptor.Name);
        Assert.Equal("3.0", plain.Descriptor.Version);
        Assert.Equal(new TranslatorLimits(100, 50_000), plain.Descriptor.Limits);
        Assert.NotEqual(plain.Descriptor.OptionsFingerprint, withGlossary.Descriptor.OptionsFingerprint);
        Assert.False(plain.Descriptor.IsGloss);
    }

    [Fact]
    public async Task Descriptor_FreeTierAllowance_CapsTheRequestSizeAtATwentiethOfIt()
    {
        var (_, free) = await StartAsync(new() { ["Translation:Azure:CharactersPerMinute"] = "33300" });
        var (_, unshaped) = await StartAsync(new() { ["Translation:Azure:CharactersPerMinute"] = "0" });

        Assert.Equal(1_665, free.Descriptor.Limits.MaxCharacters);
        Assert.Equal(50_000, unshaped.Descriptor.Limits.MaxCharacters);
    }

    [Fact]
    public async Task TranslateAsync_MeteredUsage_IsRecordedOnTheCallsMeter()
    {
        var (_, translator) = await StartAsync();
        var meter = TranslationMeter.Start();

        await Translate(translator, "Een.", "Twee.");

        Assert.Equal(9, meter.MeteredCharacters);
        Assert.Equal(1, meter.Attempts);
        Assert.Equal(0, meter.Throttled);
    }

    [Theory]
    [InlineData(400, 400036, "language pair", false)]
    [InlineData(400, 400050, "longer than Azure Translator accepts in one element", true)]
    [InlineData(400, 400072, "more texts", true)]
    [InlineData(400, 400077, "larger than Azure Translator accepts", true)]
    [InlineData(401, 401000, "Translation:Azure:Key is wrong", false)]
    [InlineData(403, 403001, "free quota", false)]
    [InlineData(403, 403000, "does not allow", false)]
    [InlineData(415, 415000, "Content-Type", false)]
    public async Task TranslateAsync_NonRetryableError_FailsAtOnceWithOneClearMessage(int status, int code, string expected, bool tooLarge)
    {
        var (server, translator) = await StartAsync();
        server.Script.Enqueue(new FakeResponse(status, code, AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains($"({code})", error.Message, StringComparison.Ordinal);
        Assert.Contains("request id fake-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(tooLarge, error.RequestTooLarge);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(408, 408001, "still being prepared")]
    [InlineData(429, 429000, "kept throttling")]
    [InlineData(429, 429001, "kept throttling")]
    [InlineData(429, 429002, "kept throttling")]
    [InlineData(500, 500000, "unexpected error")]
    [InlineData(503, 503000, "temporarily unavailable")]
    public async Task TranslateAsync_RetryableErrorWithoutRetriesLeft_FailsWithOneClearMessage(int status, int code, string expected)
    {
        var (server, translator) = await StartAsync(new() { ["Translation:Azure:MaxRetries"] = "0" });
        server.Script.Enqueue(new FakeResponse(status, code, AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains($"({code})", error.Message, StringComparison.Ordinal);
        Assert.False(error.RequestTooLarge);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_ErrorWithoutTheDocumentedBody_IsNamedByItsStatus()
    {
        var (server, translator) = await StartAsync(new() { ["Translation:Azure:MaxRetries"] = "0" });
        server.Script.Enqueue(new FakeResponse(502, AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Equal("Azure Translator failed (HTTP 502); request id fake-1.", error.Message);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task TranslateAsync_WrongKey_Says401000AndNeverShowsTheKey()
    {
        var logs = new CapturingLoggerProvider();
        const string wrongKey = "wrong-key-3f9e1c7a55d04b2b";
        var (server, translator) = await StartAsync(new() { ["Translation:Azure:Key"] = wrongKey }, logs: logs);

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Equal(401000, error.ErrorCode);
        Assert.Contains("Translation:Azure:Region is not set", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(wrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(wrongKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslateAsync_MultiServiceKeyWithoutRegion_Says401000AndNamesTheRegion()
    {
        var (_, withoutRegion) = await StartAsync(serverOptions: new FakeTranslatorServerOptions { RequiredRegion = "westeurope" });
        var (_, withRegion) = await StartAsync(new() { ["Translation:Azure:Region"] = "westeurope" },
            new FakeTranslatorServerOptions { RequiredRegion = "westeurope" });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(withoutRegion, "Een."));
        var result = await Translate(withRegion, "Een.");

        Assert.Contains("Translation:Azure:Region is not set", error.Message, StringComparison.Ordinal);
        Assert.Equal("A.", Assert.Single(result).Text);
    }

    [Fact]
    public async Task TranslateAsync_MalformedKey_FailsWithoutQuotingIt()
    {
        const string malformed = "secret-6d1f0a\r\nX-Injected: 1";
        var logs = new CapturingLoggerProvider();
        var (_, translator) = await StartAsync(new() { ["Translation:Azure:Key"] = malformed, ["Translation:Azure:MaxRetries"] = "0" }, logs: logs);

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.DoesNotContain("secret-6d1f0a", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("secret-6d1f0a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslateAsync_MissingKey_FailsWithoutARequestAndSaysHowToSetIt()
    {
        var (server, translator) = await StartAsync(new() { ["Translation:Azure:Key"] = "" });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Contains("Translation__Azure__Key", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_LimitsEnforcedByTheService_AreReportedAsTooLarge()
    {
        var (_, elements) = await StartAsync(serverOptions: new FakeTranslatorServerOptions { MaxElements = 2 });
        var (_, characters) = await StartAsync(serverOptions: new FakeTranslatorServerOptions { MaxCharacters = 10 });

        var tooMany = await Assert.ThrowsAsync<TranslationException>(() => Translate(elements, "a", "b", "c"));
        var tooLong = await Assert.ThrowsAsync<TranslationException>(() => Translate(characters, "Dit is te lang."));
        var tooLarge = await Assert.ThrowsAsync<TranslationException>(() => Translate(characters, "Zes ch", "Zes ch"));

        Assert.Equal((400072, true), (tooMany.ErrorCode, tooMany.RequestTooLarge));
        Assert.Equal((400050, true), (tooLong.ErrorCode, tooLong.RequestTooLarge));
        Assert.Equal((400077, true), (tooLarge.ErrorCode, tooLarge.RequestTooLarge));
    }

    [Fact]
    public async Task TranslateAsync_BatchOverTheLimitsWithMarkup_IsRefusedAsTooLargeBeforeSending()
    {
        var (server, translator) = await StartAsync(new()
        {
            ["Translation:Azure:MaxCharactersPerRequest"] = "60",
            ["Translation:Glossary:Poetin"] = "Putin",
        });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Poetin zei het."));

        Assert.True(error.RequestTooLarge);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TranslationService_ServiceLimitsSmallerThanConfigured_SplitsUntilEverythingFits()
    {
        var (server, translator) = await StartAsync(serverOptions: new FakeTranslatorServerOptions { MaxElements = 3, MaxCharacters = 60 });
        var service = new TranslationService(translator, new InMemoryTranslationCache(), TimeProvider.System,
            NullLogger<TranslationService>.Instance, Options.Create(new TranslationOptions()), Options.Create(new BatchingOptions()));
        string[] paragraphs =
        [
            "De eerste alinea.", "De tweede alinea.", "De derde alinea.", "De vierde alinea.",
            "Een lange alinea met zinnen. Die is langer dan zestig tekens. Dus wordt ze gesplitst.",
        ];

        var result = await service.TranslateAsync(paragraphs, CancellationToken.None);

        Assert.All(result.Paragraphs, p => Assert.Null(p.Error));
        Assert.Equal("The eerste alinea.", result.Paragraphs[0].Translation!.Text);
        Assert.Equal(paragraphs[4].Length, result.Paragraphs[4].Translation!.SourceSentenceLengths!.Sum());
        Assert.Equal(3, result.Paragraphs[4].Translation!.SourceSentenceLengths!.Count);
        Assert.True(server.Requests.Count > result.Paragraphs.SelectMany(p => p.Requests).Distinct().Count());
    }

    [Fact]
    public async Task TranslationService_WithAzure_CachesAndReportsStatistics()
    {
        var (server, translator) = await StartAsync();
        var cache = new InMemoryTranslationCache();
        var service = new TranslationService(translator, cache, TimeProvider.System,
            NullLogger<TranslationService>.Instance, Options.Create(new TranslationOptions()), Options.Create(new BatchingOptions()));
        string[] paragraphs = ["Een.", "Twee.", "Een."];

        var first = await service.TranslateAsync(paragraphs, CancellationToken.None);
        var second = await service.TranslateAsync(paragraphs, CancellationToken.None);

        Assert.Equal(new TranslationStatistics(1, 1, 9, 0, 0, 9), first.Statistics);
        Assert.Equal(new TranslationStatistics(0, 0, 0, 3, 0, 0), second.Statistics);
        Assert.Single(server.Requests);
        Assert.Equal(2, cache.Entries.Count);
        Assert.All(cache.Entries.Keys, k => Assert.Equal("azure", k.Backend));
    }

    [Fact]
    public async Task TranslationService_ThirtyPercentTransientFailures_StillTranslatesEverythingIdentically()
    {
        string[] paragraphs = Enumerable.Range(0, 60).Select(i => $"Alinea {i}. De oorlog is niet voorbij.").ToArray();
        var (_, clean) = await StartAsync(new() { ["Translation:Azure:MaxElementsPerRequest"] = "5" });
        var (flakyServer, flaky) = await StartAsync(
            new() { ["Translation:Azure:MaxElementsPerRequest"] = "5" },
            new FakeTranslatorServerOptions { TransientFailureRate = 0.3 });

        var expected = await CreateService(clean).TranslateAsync(paragraphs, CancellationToken.None);
        var actual = await CreateService(flaky).TranslateAsync(paragraphs, CancellationToken.None);

        Assert.All(actual.Paragraphs, p => Assert.Null(p.Error));
        Assert.Equal(expected.Paragraphs.Select(Render), actual.Paragraphs.Select(Render));
        Assert.Equal(12, actual.Statistics.BackendRequests);
        Assert.True(actual.Statistics.Attempts > 12, "some attempts should have failed and been retried");
        Assert.Equal(flakyServer.Requests.Count, actual.Statistics.Attempts);

        static string Render(ParagraphTranslation p) =>
            $"{p.Translation!.Text}|{string.Join(',', p.Translation.SourceSentenceLengths!)}|{string.Join(',', p.Translation.TargetSentenceLengths!)}";

        static TranslationService CreateService(ITextTranslator translator) =>
            new(translator, new InMemoryTranslationCache(), TimeProvider.System, NullLogger<TranslationService>.Instance,
                Options.Create(new TranslationOptions()), Options.Create(new BatchingOptions()));
    }

    [Theory]
    [InlineData("https://api.cognitive.microsofttranslator.com", "https://api.cognitive.microsofttranslator.com/translate")]
    [InlineData("https://api-eur.cognitive.microsofttranslator.com/", "https://api-eur.cognitive.microsofttranslator.com/translate")]
    [InlineData("https://my-swiss-n.cognitiveservices.azure.com", "https://my-swiss-n.cognitiveservices.azure.com/translator/text/v3.0/translate")]
    [InlineData("https://my-swiss-n.cognitiveservices.azure.com/translator/text/v3.0/", "https://my-swiss-n.cognitiveservices.azure.com/translator/text/v3.0/translate")]
    public void TranslateUri_Endpoint_AddsTheCustomDomainPathOnlyWhereNeeded(string endpoint, string expected)
    {
        Assert.Equal(new Uri(expected), TextTranslationClient.TranslateUri(endpoint));
    }

    [Fact]
    public async Task TranslateAsync_CustomDomainPath_ReachesTheOperation()
    {
        var server = await FakeTranslatorServer.StartAsync();
        disposables.Add(server);
        await using var provider = AzureTestHost.Build(server, settings: new Dictionary<string, string?>
        {
            ["Translation:Azure:Endpoint"] = new Uri(server.Endpoint, "translator/text/v3.0").ToString(),
        });

        await Translate(provider.GetRequiredService<AzureTranslator>(), "Een.");

        Assert.Equal("/translator/text/v3.0/translate", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Options_SerialisedAndLogged_NeverContainTheKey()
    {
        var logs = new CapturingLoggerProvider();
        var (server, translator) = await StartAsync(logs: logs);
        server.Script.Enqueue(new FakeResponse(503, 503000, AfterAuthentication: true));
        var options = new AzureTranslatorOptions { Key = server.Options.Key };

        await Translate(translator, "Een.");

        Assert.DoesNotContain(server.Options.Key, JsonSerializer.Serialize(options), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Options.Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains(logs.Lines, line => line.Contains("fake-2", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("HTTP 503", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(server.Options.Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Translation:Azure:Endpoint", "ftp://example.org")]
    [InlineData("Translation:Azure:Endpoint", "http://api.cognitive.microsofttranslator.com")]
    [InlineData("Translation:Azure:TextType", "xml")]
    [InlineData("Translation:Azure:MaxCharactersPerRequest", "60000")]
    [InlineData("Translation:Azure:Region", "West Europe")]
    public async Task Options_Invalid_AreRejected(string key, string value)
    {
        var server = await FakeTranslatorServer.StartAsync();
        disposables.Add(server);
        await using var provider = AzureTestHost.Build(server, settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAzureTranslator_RegistersTheConcreteBackendButNotTheInterface()
    {
        var server = await FakeTranslatorServer.StartAsync();
        disposables.Add(server);
        await using var provider = AzureTestHost.Build(server);

        Assert.Null(provider.GetService<ITextTranslator>());
        Assert.Same(provider.GetRequiredService<AzureTranslator>(), provider.GetRequiredService<AzureTranslator>());
        Assert.Null(provider.GetService<ITranslationCache>());
    }
}
