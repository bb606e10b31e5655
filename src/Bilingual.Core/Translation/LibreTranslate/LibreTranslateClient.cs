using System.Text.Json;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.LibreTranslate;

/// <summary>
/// A client for LibreTranslate's <c>POST /translate</c>: a batch of texts as the <c>q</c> array, the translations
/// back as the <c>translatedText</c> array. Resilience lives in the <see cref="HttpClient"/>'s handler, not here.
/// </summary>
internal sealed partial class LibreTranslateClient
{
    /// <summary>The name of the <see cref="HttpClient"/> configured with the resilience handler.</summary>
    public const string HttpClientName = "Bilingual.LibreTranslate";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly LibreTranslateTranslatorOptions _options;
    private readonly ILogger<LibreTranslateClient> _logger;

    /// <summary>Creates the client.</summary>
    public LibreTranslateClient(IHttpClientFactory httpClientFactory, IOptions<LibreTranslateTranslatorOptions> options, ILogger<LibreTranslateClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        TranslateUri = new Uri(_options.Endpoint.TrimEnd('/') + "/translate");
    }

    /// <summary>The <c>/translate</c> URL called.</summary>
    public Uri TranslateUri { get; }

    /// <summary>Translates <paramref name="texts"/> from <paramref name="source"/> into <paramref name="target"/> in one request.</summary>
    /// <exception cref="TranslationException">The server refused or failed the request, after retries.</exception>
    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, string source, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        using var request = new HttpRequestMessage(HttpMethod.Post, TranslateUri);
        request.Content = HttpTranslatorTransport.JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("q");
            foreach (var text in texts)
            {
                writer.WriteStringValue(text);
            }

            writer.WriteEndArray();
            writer.WriteString("source", source);
            writer.WriteString("target", target);
            writer.WriteString("format", "text");
            if (!string.IsNullOrEmpty(_options.Key))
            {
                writer.WriteString("api_key", _options.Key);
            }

            writer.WriteEndObject();
        });
        var characters = texts.Sum(t => t.Length);
        request.Options.Set(HttpResilience.Characters, characters);
        LogSending(texts.Count, characters);
        using var response = await HttpTranslatorTransport.SendAsync(
            _httpClientFactory.CreateClient(HttpClientName), request, LibreTranslateErrors.Service, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await HttpTranslatorTransport.ErrorTextAsync(response, _options.Key, cancellationToken, ["error"]);
            var error = HttpTranslatorTransport.Explain(
                LibreTranslateErrors.FromResponse((int)response.StatusCode, detail, !string.IsNullOrEmpty(_options.Key)),
                response);
            LogFailed((int)response.StatusCode, error.Message);
            throw error;
        }

        var translations = ParseResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        if (translations.Count != texts.Count)
        {
            throw LibreTranslateErrors.MalformedResponse($"{translations.Count} translations for {texts.Count} texts.");
        }

        return translations;
    }

    /// <summary>Parses <c>{"translatedText": [...]}</c> (or a single string, as for a single <c>q</c>).</summary>
    public static IReadOnlyList<string> ParseResponse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var translated = document.RootElement.GetProperty("translatedText");
            return translated.ValueKind == JsonValueKind.String
                ? [translated.GetString() ?? string.Empty]
                : translated.EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw LibreTranslateErrors.MalformedResponse(ex.Message, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LibreTranslate request: {Texts} texts, {Characters} characters")]
    private partial void LogSending(int texts, int characters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LibreTranslate request failed with HTTP {Status}. {Error}")]
    private partial void LogFailed(int status, string error);
}
