using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Bilingual.Core.Translation.Azure;

/// <summary>
/// A client for the Translator Text API v3.0 <c>/translate</c> operation, shaped like the Azure SDK's
/// <c>TextTranslationClient</c> (which is not available here): one call, a list of texts in, one
/// <see cref="TranslatedTextItem"/> per text out. Resilience and rate shaping live in the
/// <see cref="HttpClient"/>'s handler (the shared <see cref="HttpResilience"/> pipeline), not here.
/// </summary>
internal sealed partial class TextTranslationClient
{
    /// <summary>The request header that identifies a request to the service's support.</summary>
    public const string ClientTraceIdHeader = "X-ClientTraceId";

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");

    /// <summary>The name of the <see cref="HttpClient"/> configured with the resilience handler.</summary>
    public const string HttpClientName = "Bilingual.AzureTranslator";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly AzureTranslatorOptions _options;
    private readonly ILogger<TextTranslationClient> _logger;
    private readonly Uri _translateUri;

    /// <summary>Creates the client; each call takes an <see cref="HttpClient"/> named <see cref="HttpClientName"/> from the factory.</summary>
    public TextTranslationClient(IHttpClientFactory httpClientFactory, IOptions<AzureTranslatorOptions> options, ILogger<TextTranslationClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        _translateUri = TranslateUri(_options.Endpoint);
    }

    /// <summary>
    /// The <c>/translate</c> URL for <paramref name="endpoint"/>: the global and geography endpoints take the
    /// operation at their root, a resource's custom domain under <c>/translator/text/v3.0</c> (v3.0 reference,
    /// "Base URLs").
    /// </summary>
    public static Uri TranslateUri(string endpoint)
    {
        var root = endpoint.TrimEnd('/');
        var host = new Uri(root).Host;
        if (host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
            && !root.EndsWith("/translator/text/v3.0", StringComparison.OrdinalIgnoreCase))
        {
            root += "/translator/text/v3.0";
        }

        return new Uri(root + "/translate");
    }

    /// <summary>Translates <paramref name="texts"/> in one request.</summary>
    /// <exception cref="TranslationException">The service refused or failed the request, after retries.</exception>
    public async Task<IReadOnlyList<TranslatedTextItem>> TranslateAsync(
        IReadOnlyList<string> texts, TextTranslationTranslateOptions translateOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(translateOptions);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(_options.Key))
        {
            throw AzureTranslatorErrors.MissingKey();
        }

        var traceId = Guid.NewGuid().ToString("D");
        var characters = texts.Sum(t => t.Length);
        using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri(translateOptions));
        // Without validation: a malformed key must fail at the service, not in a FormatException that quotes it.
        request.Headers.TryAddWithoutValidation("Ocp-Apim-Subscription-Key", _options.Key);
        if (!string.IsNullOrEmpty(_options.Region))
        {
            request.Headers.TryAddWithoutValidation("Ocp-Apim-Subscription-Region", _options.Region);
        }

        request.Headers.Add(ClientTraceIdHeader, traceId);
        request.Content = new ByteArrayContent(RequestBody(texts)) { Headers = { ContentType = JsonUtf8 } };
        request.Options.Set(HttpResilience.Characters, characters);
        request.Options.Set(HttpResilience.MarkupCharacters, translateOptions.MarkupCharacters);
        LogSending(traceId, texts.Count, characters);

        HttpResponseMessage response;
        try
        {
            response = await HttpTranslatorTransport.SendAsync(
                _httpClientFactory.CreateClient(HttpClientName), request, AzureTranslatorErrors.Service, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw AzureTranslatorErrors.CircuitOpen(ex);
        }

        using (response)
        {
            var requestId = Header(response, "X-RequestId");
            if (!response.IsSuccessStatusCode)
            {
                var code = await ErrorCodeAsync(response, cancellationToken);
                var error = HttpTranslatorTransport.Explain(
                    AzureTranslatorErrors.FromResponse((int)response.StatusCode, code, requestId, !string.IsNullOrEmpty(_options.Region)),
                    response);
                LogFailed(traceId, requestId, (int)response.StatusCode, error.Message);
                throw error;
            }

            var metered = long.TryParse(Header(response, "X-Metered-Usage"), NumberStyles.None, CultureInfo.InvariantCulture, out var usage) ? usage : 0;
            TranslationMeter.Current?.RecordMeteredCharacters(metered);
            LogSucceeded(traceId, requestId, metered);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var items = ParseResponse(body);
            if (items.Count != texts.Count)
            {
                throw AzureTranslatorErrors.MalformedResponse($"{items.Count} items for {texts.Count} texts.");
            }

            return items;
        }
    }

    private Uri RequestUri(TextTranslationTranslateOptions translateOptions)
    {
        var query = new StringBuilder("?api-version=3.0");
        query.Append("&from=").Append(Uri.EscapeDataString(translateOptions.From));
        query.Append("&to=").Append(Uri.EscapeDataString(translateOptions.To));
        if (translateOptions.IncludeSentenceLength)
        {
            query.Append("&includeSentenceLength=true");
        }

        if (!string.IsNullOrEmpty(translateOptions.Category))
        {
            query.Append("&category=").Append(Uri.EscapeDataString(translateOptions.Category));
        }

        if (translateOptions.TextType is { } textType && textType != "plain")
        {
            query.Append("&textType=").Append(Uri.EscapeDataString(textType));
        }

        return new Uri(_translateUri + query.ToString());
    }

    // The body is a JSON array of objects with one "Text" property each (v3.0 translate, "Request body").
    private static byte[] RequestBody(IReadOnlyList<string> texts)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var text in texts)
            {
                writer.WriteStartObject();
                writer.WriteString("Text", text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a v3.0 translate response: <c>[{"translations":[{"text","to","sentLen":{"srcSentLen","transSentLen"}}]}]</c>.</summary>
    public static IReadOnlyList<TranslatedTextItem> ParseResponse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var items = new List<TranslatedTextItem>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var translations = new List<TranslationText>();
                foreach (var translation in item.GetProperty("translations").EnumerateArray())
                {
                    SentenceBoundaries? boundaries = null;
                    if (translation.TryGetProperty("sentLen", out var sentLen))
                    {
                        boundaries = new SentenceBoundaries(
                            sentLen.GetProperty("srcSentLen").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                            sentLen.GetProperty("transSentLen").EnumerateArray().Select(e => e.GetInt32()).ToArray());
                    }

                    translations.Add(new TranslationText(
                        translation.GetProperty("text").GetString() ?? string.Empty,
                        translation.TryGetProperty("to", out var to) ? to.GetString() ?? string.Empty : string.Empty,
                        boundaries));
                }

                items.Add(new TranslatedTextItem(translations));
            }

            return items;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw AzureTranslatorErrors.MalformedResponse(ex.Message, ex);
        }
    }

    private static async Task<int?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.GetProperty("error").GetProperty("code").GetInt32();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // Not every failure has the documented body (a gateway's 502, a proxy's 503): the status speaks alone.
            return null;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azure Translator request {ClientTraceId}: {Texts} texts, {Characters} characters")]
    private partial void LogSending(string clientTraceId, int texts, int characters);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure Translator request {ClientTraceId} succeeded: X-RequestId {RequestId}, {Metered} characters metered")]
    private partial void LogSucceeded(string clientTraceId, string? requestId, long metered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Translator request {ClientTraceId} failed with HTTP {Status}: X-RequestId {RequestId}. {Error}")]
    private partial void LogFailed(string clientTraceId, string? requestId, int status, string error);
}

/// <summary>Options of one translate call, named after the SDK's.</summary>
/// <param name="From">The source language.</param>
/// <param name="To">The target language.</param>
/// <param name="Category">A Custom Translator category, or null.</param>
/// <param name="TextType"><c>plain</c> or <c>html</c>.</param>
/// <param name="IncludeSentenceLength">Whether to ask for <c>sentLen</c>.</param>
/// <param name="MarkupCharacters">How many of the texts' characters are dynamic-dictionary markup, for the call's meter.</param>
internal sealed record TextTranslationTranslateOptions(
    string From, string To, string? Category = null, string? TextType = null, bool IncludeSentenceLength = true, int MarkupCharacters = 0);

/// <summary>The result for one input text.</summary>
/// <param name="Translations">One translation per target language; we ask for one.</param>
internal sealed record TranslatedTextItem(IReadOnlyList<TranslationText> Translations);

/// <summary>One translation of one text.</summary>
/// <param name="Text">The translated text.</param>
/// <param name="To">The target language.</param>
/// <param name="SentenceBoundaries">The sentence lengths when asked for.</param>
internal sealed record TranslationText(string Text, string To, SentenceBoundaries? SentenceBoundaries);

/// <summary>Azure's <c>sentLen</c>: lengths of the input and output sentences.</summary>
/// <param name="SourceSentencesLengths"><c>srcSentLen</c>.</param>
/// <param name="TranslatedSentencesLengths"><c>transSentLen</c>.</param>
internal sealed record SentenceBoundaries(IReadOnlyList<int> SourceSentencesLengths, IReadOnlyList<int> TranslatedSentencesLengths);
