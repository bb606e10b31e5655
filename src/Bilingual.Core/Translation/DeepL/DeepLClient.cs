using System.Text.Json;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.DeepL;

/// <summary>
/// A client for the DeepL API v2 <c>/v2/translate</c> operation, shaped like the DeepL .NET SDK's
/// <c>Translator.TranslateTextAsync</c>: texts in, one <see cref="TextResult"/> per text out. Resilience lives in
/// the <see cref="HttpClient"/>'s handler, not here.
/// </summary>
internal sealed partial class DeepLClient
{
    /// <summary>The name of the <see cref="HttpClient"/> configured with the resilience handler.</summary>
    public const string HttpClientName = "Bilingual.DeepL";

    /// <summary>The API's request body limit: 128 KiB (API reference, "Request size limit").</summary>
    public const int MaxRequestBytes = 128 * 1024;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly DeepLTranslatorOptions _options;
    private readonly ILogger<DeepLClient> _logger;

    /// <summary>Creates the client.</summary>
    public DeepLClient(IHttpClientFactory httpClientFactory, IOptions<DeepLTranslatorOptions> options, ILogger<DeepLClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        TranslateUri = new Uri(_options.EffectiveEndpoint.TrimEnd('/') + "/v2/translate");
    }

    /// <summary>The <c>/v2/translate</c> URL called.</summary>
    public Uri TranslateUri { get; }

    /// <summary>Translates <paramref name="texts"/> in one request.</summary>
    /// <exception cref="TranslationException">DeepL refused or failed the request, after retries.</exception>
    public async Task<IReadOnlyList<TextResult>> TranslateTextAsync(
        IReadOnlyList<string> texts, string sourceLanguageCode, string targetLanguageCode, TextTranslateOptions translateOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(translateOptions);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(_options.Key))
        {
            throw DeepLErrors.MissingKey();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TranslateUri);
        // Without validation: a malformed key must fail at the service, not in a FormatException that quotes it.
        request.Headers.TryAddWithoutValidation("Authorization", "DeepL-Auth-Key " + _options.Key);
        request.Content = HttpTranslatorTransport.JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("text");
            foreach (var text in texts)
            {
                writer.WriteStringValue(text);
            }

            writer.WriteEndArray();
            writer.WriteString("source_lang", sourceLanguageCode);
            writer.WriteString("target_lang", targetLanguageCode);
            writer.WriteString("split_sentences", translateOptions.SentenceSplittingMode);
            writer.WriteBoolean("preserve_formatting", translateOptions.PreserveFormatting);
            if (!string.IsNullOrEmpty(translateOptions.GlossaryId))
            {
                writer.WriteString("glossary_id", translateOptions.GlossaryId);
            }

            writer.WriteEndObject();
        });
        request.Options.Set(HttpResilience.Characters, texts.Sum(t => t.Length));
        var bytes = request.Content.Headers.ContentLength ?? 0;
        if (bytes > MaxRequestBytes)
        {
            throw new TranslationException($"The request body would be {bytes} bytes, more than DeepL's 128 KiB.") { RequestTooLarge = true };
        }

        LogSending(texts.Count, bytes);
        using var response = await HttpTranslatorTransport.SendAsync(
            _httpClientFactory.CreateClient(HttpClientName), request, DeepLErrors.Service, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await HttpTranslatorTransport.ErrorTextAsync(response, _options.Key, cancellationToken, ["message"]);
            var error = HttpTranslatorTransport.Explain(
                DeepLErrors.FromResponse((int)response.StatusCode, detail),
                response);
            LogFailed((int)response.StatusCode, error.Message);
            throw error;
        }

        var results = ParseResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        if (results.Count != texts.Count)
        {
            throw DeepLErrors.MalformedResponse($"{results.Count} translations for {texts.Count} texts.");
        }

        // DeepL bills the source characters and its response carries no meter of its own: record what was sent.
        TranslationMeter.Current?.RecordMeteredCharacters(texts.Sum(t => (long)t.Length));
        return results;
    }

    /// <summary>Parses <c>{"translations":[{"detected_source_language","text"}]}</c>.</summary>
    public static IReadOnlyList<TextResult> ParseResponse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.GetProperty("translations").EnumerateArray()
                .Select(t => new TextResult(
                    t.GetProperty("text").GetString() ?? string.Empty,
                    t.TryGetProperty("detected_source_language", out var detected) ? detected.GetString() : null))
                .ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw DeepLErrors.MalformedResponse(ex.Message, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "DeepL request: {Texts} texts, {Bytes} bytes")]
    private partial void LogSending(int texts, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DeepL request failed with HTTP {Status}. {Error}")]
    private partial void LogFailed(int status, string error);
}

/// <summary>Options of one translate call, named after the SDK's.</summary>
/// <param name="SentenceSplittingMode"><c>split_sentences</c>: <c>0</c>, <c>1</c> or <c>nonewlines</c>.</param>
/// <param name="PreserveFormatting"><c>preserve_formatting</c>.</param>
/// <param name="GlossaryId"><c>glossary_id</c>, or null.</param>
internal sealed record TextTranslateOptions(string SentenceSplittingMode, bool PreserveFormatting = true, string? GlossaryId = null);

/// <summary>One translation, named after the SDK's.</summary>
/// <param name="Text">The translated text.</param>
/// <param name="DetectedSourceLanguageCode">The source language DeepL detected or was told.</param>
internal sealed record TextResult(string Text, string? DetectedSourceLanguageCode);
