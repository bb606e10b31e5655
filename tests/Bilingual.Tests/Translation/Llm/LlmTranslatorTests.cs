using System.Text.Json;
using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Llm;
using Bilingual.Tests.Translation.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Translation.Llm;

/// <summary>The LLM backend against a local fake chat completions endpoint: contract, request shape, prompt, answer parsing, errors and the key.</summary>
public sealed class LlmTranslatorTests : HttpBackendTranslatorTests
{

    protected override async Task<ITextTranslator> CreateTranslatorAsync() => (await StartAsync()).Translator;

    private async Task<(FakeLlmServer Server, LlmTranslator Translator, ServiceProvider Provider)> StartAsync(
        Dictionary<string, string?>? values = null, FakeLlmServer? fake = null, Dictionary<string, string?>? extra = null)
    {
        var server = Track(await FakeLlmServer.StartAsync(fake));
        var settings = new Dictionary<string, string?>
        {
            ["Endpoint"] = server.Endpoint.ToString(),
            ["Key"] = server.RequiredKey,
            ["Model"] = server.Model,
        };
        var provider = Build(s => s.AddLlmTranslator(), LlmTranslatorOptions.SectionName, settings, values, extra);
        return (server, provider.GetRequiredService<LlmTranslator>(), provider);
    }

    private static Task<IReadOnlyList<TranslatedText>> Translate(LlmTranslator translator, params string[] texts) =>
        translator.TranslateAsync(new TranslationRequest(texts, "nl", "en"), CancellationToken.None);

    [Fact]
    public async Task TranslateAsync_Request_IsAChatCompletionAtTemperatureZeroWithTheParagraphsAsAJsonArray()
    {
        var (server, translator, _) = await StartAsync();

        var result = await Translate(translator, "De oorlog.", "Kernwapens");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {server.RequiredKey}", request.Header("Authorization"));
        var body = request.Json()!.Value;
        Assert.Equal(server.Model, body.GetProperty("model").GetString());
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        var messages = body.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Contains("from Dutch into English", messages[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(["De oorlog.", "Kernwapens"], JsonSerializer.Deserialize<string[]>(messages[1].GetProperty("content").GetString()!)!);
        // The fake answers in a ```json fence, as many models do.
        Assert.Equal(["The war.", "Nuclear weapons"], result.Select(r => r.Text));
    }

    [Fact]
    public async Task TranslateAsync_Glossary_IsSentAsRequiredRenderings()
    {
        var (server, translator, _) = await StartAsync(extra: new() { ["Translation:Glossary:Poetin"] = "Putin" });

        var result = await Translate(translator, "Poetin verwacht het.");

        var system = Assert.Single(server.Requests).Json()!.Value.GetProperty("messages")[0].GetProperty("content").GetString();
        Assert.Contains("- Poetin → Putin", system, StringComparison.Ordinal);
        Assert.StartsWith("Putin expects", Assert.Single(result).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_LocalServerWithoutKey_SendsNoAuthorization()
    {
        var (server, translator, _) = await StartAsync(new() { ["Key"] = null }, new FakeLlmServer { RequiredKey = null });

        await Translate(translator, "Een.");

        Assert.Null(Assert.Single(server.Requests).Header("Authorization"));
    }

    [Theory]
    [InlineData("[\"One.\"]", 2, "1 translations for 2 paragraphs")]
    [InlineData("Sorry, I cannot help with that.", 1, "contains no JSON array")]
    [InlineData("[\"One.\", 2]", 2, "not valid JSON of strings")]
    [InlineData("[\"One.\", \"\"]", 2, "a translation is empty")]
    public async Task TranslateAsync_MalformedAnswer_IsATranslationExceptionAndNotRetried(string answer, int texts, string detail)
    {
        var (server, translator, _) = await StartAsync();
        server.Script.Enqueue(new FakeBackendResponse(200, FakeLlmServer.Completion(answer), AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, [.. Enumerable.Repeat("Een.", texts)]));

        Assert.StartsWith("The LLM's answer is not a usable translation", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.False(error.RequestTooLarge);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_AnswerCutOffAtTheOutputLimit_AsksForASplit()
    {
        var (server, translator, _) = await StartAsync();
        server.Script.Enqueue(new FakeBackendResponse(200, FakeLlmServer.Completion("[\"One.\", \"Tw", "length"), AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een.", "Twee."));

        Assert.True(error.RequestTooLarge);
    }

    [Fact]
    public void ParseAnswer_TextAroundTheArray_IsIgnored()
    {
        Assert.Equal(["A [1] b", "C"], LlmTranslator.ParseAnswer("Here you go:\n```\n[\"A [1] b\", \"C\"]\n```\nDone.", 2));
    }

    [Theory]
    [InlineData(400, "The LLM endpoint rejected the request (400)")]
    [InlineData(401, "The LLM endpoint refused the credentials (401)")]
    [InlineData(404, "The LLM endpoint has no model fake-translator-1")]
    public async Task TranslateAsync_ErrorStatus_MapsToOneClearMessageWithoutRetrying(int status, string message)
    {
        var (server, translator, _) = await StartAsync();
        server.Script.Enqueue(new FakeBackendResponse(status, AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(status, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_UnknownModel_Is404NamingTheSetting()
    {
        var (_, translator, _) = await StartAsync(new() { ["Model"] = "gpt-none" });

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.Equal("The LLM endpoint has no model gpt-none or no /v1/chat/completions (404): check Translation:Llm:Model and Translation:Llm:Endpoint.", error.Message);
    }

    [Theory]
    [InlineData(429, "The LLM endpoint kept refusing requests for exceeding its rate limit or quota (429).")]
    [InlineData(500, "The LLM endpoint had an internal error (500).")]
    [InlineData(503, "The LLM endpoint is overloaded or temporarily unavailable (503).")]
    public async Task TranslateAsync_TransientStatusBeyondTheRetries_FailsWithOneClearMessage(int status, string message)
    {
        var (server, translator, _) = await StartAsync(new() { ["MaxRetries"] = "1" });
        server.Script.Enqueue(new FakeBackendResponse(status, AfterAuthentication: true));
        server.Script.Enqueue(new FakeBackendResponse(status, AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        // A 429 or 503 says whether the service asked for a wait.
        Assert.Equal(status is 500 ? message : $"{message[..^1]}; the last answer was HTTP {status} without Retry-After, after 2 attempts.", error.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task TranslateAsync_KeyEchoedByTheServer_NeverLeaksIntoMessagesLogsOrOptions()
    {
        var (server, translator, provider) = await StartAsync();
        var key = server.RequiredKey!;
        server.Script.Enqueue(new FakeBackendResponse(422, JsonSerializer.Serialize(new { error = new { message = $"Key {key} cannot use this" } }), AfterAuthentication: true));

        var error = await Assert.ThrowsAsync<TranslationException>(() => Translate(translator, "Een."));

        Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Key *** cannot use this", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(key, JsonSerializer.Serialize(provider.GetRequiredService<IOptions<LlmTranslatorOptions>>().Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Descriptor_Version_IsTheModelAndTheFingerprintFollowsTheGlossary()
    {
        var (_, plain, _) = await StartAsync();
        var (_, withGlossary, _) = await StartAsync(extra: new() { ["Translation:Glossary:Kiev"] = "Kyiv" });

        Assert.Equal(("llm", "fake-translator-1"), (plain.Descriptor.Name, plain.Descriptor.Version));
        Assert.NotEqual(plain.Descriptor.OptionsFingerprint, withGlossary.Descriptor.OptionsFingerprint);
    }

    [Theory]
    [InlineData("https://llm.example.org/v1", "https://llm.example.org/v1/chat/completions")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1/chat/completions")]
    public void CompletionsUri_Endpoint_GetsTheOperationPathOnce(string endpoint, string expected)
    {
        using var provider = HttpBackendTestHost.Build(s => s.AddLlmTranslator(), new Dictionary<string, string?> { ["Translation:Llm:Endpoint"] = endpoint });

        Assert.Equal(new Uri(expected), provider.GetRequiredService<ChatCompletionClient>().CompletionsUri);
    }
}
