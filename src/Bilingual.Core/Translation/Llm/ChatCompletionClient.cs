using System.Text.Json;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Llm;

/// <summary>
/// A client for an OpenAI-compatible <c>POST /v1/chat/completions</c>, shaped like the OpenAI .NET SDK's
/// <c>ChatClient.CompleteChatAsync</c>: messages in, the first choice's content out. Resilience lives in the
/// <see cref="HttpClient"/>'s handler, not here.
/// </summary>
internal sealed partial class ChatCompletionClient
{
    /// <summary>The name of the <see cref="HttpClient"/> configured with the resilience handler.</summary>
    public const string HttpClientName = "Bilingual.Llm";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly LlmTranslatorOptions _options;
    private readonly ILogger<ChatCompletionClient> _logger;

    /// <summary>Creates the client.</summary>
    public ChatCompletionClient(IHttpClientFactory httpClientFactory, IOptions<LlmTranslatorOptions> options, ILogger<ChatCompletionClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        var root = _options.Endpoint.TrimEnd('/');
        CompletionsUri = new Uri(root + (root.EndsWith("/v1", StringComparison.Ordinal) ? "/chat/completions" : "/v1/chat/completions"));
    }

    /// <summary>The <c>/v1/chat/completions</c> URL called.</summary>
    public Uri CompletionsUri { get; }

    /// <summary>Sends one chat and returns the first choice, at temperature 0.</summary>
    /// <exception cref="TranslationException">The endpoint refused or failed the request, after retries.</exception>
    public async Task<ChatCompletion> CompleteChatAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(_options.Key) && !_options.IsLocal)
        {
            throw LlmErrors.MissingKey();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, CompletionsUri);
        if (!string.IsNullOrWhiteSpace(_options.Key))
        {
            // Without validation: a malformed key must fail at the service, not in a FormatException that quotes it.
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _options.Key);
        }

        request.Content = HttpTranslatorTransport.JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("model", _options.Model);
            // Temperature 0: the same paragraph should get the same translation, which the cache relies on.
            writer.WriteNumber("temperature", 0);
            writer.WriteStartArray("messages");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role);
                writer.WriteString("content", message.Content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        // The prompt is what the endpoint reads (and bills by its tokens), so its characters are what a request carries.
        var characters = messages.Sum(m => m.Content.Length);
        request.Options.Set(HttpResilience.Characters, characters);
        LogSending(_options.Model, characters);
        using var response = await HttpTranslatorTransport.SendAsync(
            _httpClientFactory.CreateClient(HttpClientName), request, LlmErrors.Service, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await HttpTranslatorTransport.ErrorTextAsync(response, _options.Key, cancellationToken, ["error", "message"], ["error"], ["message"]);
            var error = HttpTranslatorTransport.Explain(
                LlmErrors.FromResponse((int)response.StatusCode, detail, _options.Model),
                response);
            LogFailed((int)response.StatusCode, error.Message);
            throw error;
        }

        return ParseResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Parses <c>{"choices":[{"message":{"content"},"finish_reason"}]}</c>.</summary>
    public static ChatCompletion ParseResponse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var choice = document.RootElement.GetProperty("choices").EnumerateArray().FirstOrDefault();
            if (choice.ValueKind != JsonValueKind.Object)
            {
                throw LlmErrors.MalformedAnswer("the response has no choices.");
            }

            return new ChatCompletion(
                choice.GetProperty("message").GetProperty("content").GetString() ?? string.Empty,
                choice.TryGetProperty("finish_reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw LlmErrors.MalformedAnswer($"the response is not a chat completion ({ex.Message})", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LLM request to {Model}: {Characters} characters of prompt")]
    private partial void LogSending(string model, int characters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM request failed with HTTP {Status}. {Error}")]
    private partial void LogFailed(int status, string error);
}

/// <summary>One chat message.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The text.</param>
internal sealed record ChatMessage(string Role, string Content);

/// <summary>The first choice of a chat completion.</summary>
/// <param name="Content">The assistant's answer.</param>
/// <param name="FinishReason"><c>stop</c>, <c>length</c> (cut off at the output limit) …, when given.</param>
internal sealed record ChatCompletion(string Content, string? FinishReason);
