using System.Globalization;
using System.Text;
using System.Text.Json;
using Bilingual.Core.Text;
using Bilingual.Core.Translation.Http;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation.Llm;

/// <summary>
/// The LLM backend: sends the batch as a JSON array of paragraphs with instructions for a faithful news
/// translation (the glossary as required renderings) and expects a JSON array of the same length back. An answer
/// that is not one is a <see cref="TranslationException"/>; it is not retried here, since the HTTP resilience layer
/// is the call path's only retry layer.
/// </summary>
internal sealed class LlmTranslator : ITextTranslator
{
    private readonly ChatCompletionClient _client;
    private readonly Dictionary<string, string> _glossary;

    /// <summary>Creates the backend.</summary>
    public LlmTranslator(ChatCompletionClient client, IOptions<LlmTranslatorOptions> options, IOptions<TranslationOptions> translationOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(translationOptions);
        _client = client;
        _glossary = translationOptions.Value.Glossary;
        Descriptor = new TranslatorDescriptor(
            BackendNames.Llm,
            options.Value.Model,
            OptionsFingerprint.Compute([SystemPrompt("nl", "en", _glossary)], _glossary),
            new TranslatorLimits(options.Value.MaxTextsPerRequest, options.Value.MaxCharactersPerRequest),
            IsRemote: true);
    }

    /// <inheritdoc />
    public TranslatorDescriptor Descriptor { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranslatedText>> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Texts.Count == 0)
        {
            return [];
        }

        var completion = await _client.CompleteChatAsync(
            [new ChatMessage("system", SystemPrompt(request.From, request.To, _glossary)), new ChatMessage("user", JsonArray(request.Texts))],
            cancellationToken);
        if (completion.FinishReason == "length")
        {
            // The answer was cut off at the model's output limit: a smaller batch can succeed, so ask for a split.
            throw new TranslationException("The LLM's answer was cut off at the model's output limit; the batch is split and sent again.")
            {
                RequestTooLarge = true,
            };
        }

        return ParseAnswer(completion.Content, request.Texts.Count).Select(t => new TranslatedText(t)).ToArray();
    }

    /// <summary>The instructions: a faithful translation, the answer format, and the glossary as required renderings.</summary>
    internal static string SystemPrompt(string from, string to, IReadOnlyDictionary<string, string> glossary)
    {
        var prompt = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            You translate news articles from {LanguageName(from)} into {LanguageName(to)}.
            The user sends a JSON array of paragraphs. Translate each paragraph faithfully and completely: keep every fact, number, date, name and quotation, keep the sentence order, and do not summarise, explain, add or omit anything.
            Answer with only a JSON array of strings, with exactly as many strings as paragraphs received, the translation of paragraph i at position i. No comments, no code fences.
            """);
        if (glossary.Count > 0)
        {
            prompt.Append("\nRequired renderings: always translate these terms exactly as given.");
            foreach (var (term, rendering) in glossary.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                prompt.Append("\n- ").Append(term).Append(" → ").Append(rendering);
            }
        }

        return prompt.ToString();
    }

    /// <summary>
    /// The translations in <paramref name="answer"/>: a JSON array of <paramref name="count"/> strings, possibly in a
    /// code fence or with text around it.
    /// </summary>
    /// <exception cref="TranslationException">The answer is not such an array.</exception>
    internal static IReadOnlyList<string> ParseAnswer(string answer, int count)
    {
        var start = answer.IndexOf('[', StringComparison.Ordinal);
        var end = answer.LastIndexOf(']');
        if (start < 0 || end < start)
        {
            throw LlmErrors.MalformedAnswer("it contains no JSON array.");
        }

        string[] translations;
        try
        {
            using var document = JsonDocument.Parse(answer.AsMemory(start, end - start + 1));
            translations = document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new InvalidOperationException("an item is not a string"))
                .ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw LlmErrors.MalformedAnswer($"its array is not valid JSON of strings ({ex.Message})", ex);
        }

        if (translations.Length != count)
        {
            throw LlmErrors.MalformedAnswer(string.Create(CultureInfo.InvariantCulture, $"{translations.Length} translations for {count} paragraphs."));
        }

        if (translations.Any(string.IsNullOrWhiteSpace))
        {
            throw LlmErrors.MalformedAnswer("a translation is empty.");
        }

        return translations;
    }

    private static string LanguageName(string tag) => LanguageTag.PrimaryLanguage(tag) switch
    {
        "nl" => "Dutch",
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        _ => tag,
    };

    /// <summary>The texts as a JSON array of strings.</summary>
    private static string JsonArray(IReadOnlyList<string> texts) => HttpTranslatorTransport.JsonText(writer =>
    {
        writer.WriteStartArray();
        foreach (var text in texts)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    });
}
