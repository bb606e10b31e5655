using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Bilingual.Core.Translation.Http;

/// <summary>
/// What the clients of every remote backend share: registering a named <see cref="HttpClient"/> with its one
/// resilience layer, sending a JSON body through it, and turning transport failures into one clear
/// <see cref="TranslationException"/>.
/// </summary>
internal static class HttpTranslatorTransport
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    /// <summary>
    /// Registers a remote backend: the named client <paramref name="clientName"/> with an
    /// <see cref="HttpResilienceHandler"/> whose pipeline is built from <typeparamref name="TOptions"/> (which the
    /// caller binds and validates: configuration is bound by generated code, which needs the concrete type at the
    /// call) and given the optional strategies <paramref name="configure"/> switches on; and the client and backend
    /// as singletons. Registering twice adds nothing, so there is never a second retry layer.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="clientName">The name of the backend's <see cref="HttpClient"/>, also the category of its retry logs.</param>
    /// <param name="service">The service's display name in logs and messages.</param>
    /// <param name="configure">Switches on a backend's own strategies (Azure's circuit breaker and rate limiter).</param>
    public static IServiceCollection AddHttpTranslator<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTranslator>(
        this IServiceCollection services,
        string clientName,
        string service,
        Action<IServiceProvider, TOptions, HttpResiliencePipelineBuilder>? configure = null)
        where TOptions : HttpTranslatorOptions
        where TClient : class
        where TTranslator : class, ITextTranslator
    {
        services.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.SectionName).ValidateWith<TranslationOptions, TranslationOptionsValidator>().ValidateOnStart();
        services.TryAddSingleton<TClient>();
        services.TryAddSingleton<TTranslator>();
        if (services.Any(d => d.ServiceType == typeof(HttpResilience) && Equals(d.ServiceKey, clientName)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(clientName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            var builder = new HttpResiliencePipelineBuilder(
                service, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(clientName));
            configure?.Invoke(sp, options, builder);
            return builder.Build();
        });
        // Timeouts belong to the resilience pipeline, which runs on the injected clock.
        services.AddHttpClient(clientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new HttpResilienceHandler(sp.GetRequiredKeyedService<HttpResilience>(clientName)));
        return services;
    }

    /// <summary>A UTF-8 JSON body written by <paramref name="write"/>.</summary>
    public static ByteArrayContent JsonBody(Action<Utf8JsonWriter> write) =>
        new(JsonBytes(write)) { Headers = { ContentType = JsonUtf8 } };

    /// <summary>The JSON text written by <paramref name="write"/> (for JSON carried inside another message).</summary>
    public static string JsonText(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(JsonBytes(write));

    private static byte[] JsonBytes(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the response, whatever its status. Cancellation by the caller
    /// propagates; timeouts and network failures become a <see cref="TranslationException"/> naming
    /// <paramref name="service"/> and the endpoint's authority (never a path or query that could carry a key).
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpRequestMessage request, string service, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            // The total timeout can fire while the retries wait after refused connections: then the message says what
            // the attempts met, not that the service was slow.
            var tally = Tally(request);
            var attempts = Attempts(tally);
            throw new TranslationException(
                tally is { LastFailure: { } last } && ex.Timeout == tally.TotalTimeout
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{service} at {Authority(request)} gave up after {ex.Timeout.TotalSeconds:0.###} s (the total timeout) and {attempts}; the last failed with: {last}.")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{service} at {Authority(request)} did not answer within {ex.Timeout.TotalSeconds:0.###} s ({attempts})."),
                ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            throw new TranslationException(
                $"Could not reach {service} at {Authority(request)}: {HttpResilience.Describe(ex, null)} ({Attempts(Tally(request))}).", ex);
        }
    }

    /// <summary>
    /// <paramref name="error"/> with what the last response said about waiting (a 429 or 503 with or without
    /// <c>Retry-After</c>) and how many attempts were made, so a throttled run says which it was.
    /// </summary>
    public static TranslationException Explain(TranslationException error, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(response);
        if ((int)response.StatusCode is not (429 or 503))
        {
            return error;
        }

        var message = error.Message.EndsWith('.') ? error.Message[..^1] : error.Message;
        var tally = response.RequestMessage is { } request ? Tally(request) : null;
        var attempts = Attempts(tally);
        if (tally?.CutTo is { } cutTo)
        {
            return new TranslationException(string.Create(CultureInfo.InvariantCulture,
                $"{message}; the answer was {HttpResilience.DescribeStatus(response)}, so requests are now cut to at most {cutTo} characters and this one ({tally.Characters}) is split."),
                error)
            {
                ErrorCode = error.ErrorCode,
                StatusCode = error.StatusCode,
                RequestTooLarge = true,
            };
        }

        return new TranslationException(
            $"{message}; the last answer was {HttpResilience.DescribeStatus(response)}, after {attempts}.",
            error)
        {
            ErrorCode = error.ErrorCode,
            StatusCode = error.StatusCode,
            RequestTooLarge = error.RequestTooLarge,
        };
    }

    private static HttpResilience.RequestTally? Tally(HttpRequestMessage request) =>
        request.Options.TryGetValue(HttpResilience.TallyKey, out var tally) ? tally : null;

    private static string Attempts(HttpResilience.RequestTally? tally) =>
        tally is null ? "attempts not counted" : tally.Attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{tally.Attempts} attempts");

    private static string? Authority(HttpRequestMessage request) => request.RequestUri?.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// The first string found at one of <paramref name="paths"/> in a JSON error body (<c>error</c>, <c>error.message</c>, <c>message</c>),
    /// shortened to 200 characters, with <paramref name="secret"/> blanked should the service echo it; null when
    /// the body is not JSON or has no such string.
    /// </summary>
    public static async Task<string?> ErrorTextAsync(
        HttpResponseMessage response, string? secret, CancellationToken cancellationToken, params string[][] paths)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            foreach (var path in paths)
            {
                var element = document.RootElement;
                var found = true;
                foreach (var name in path)
                {
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    {
                        found = false;
                        break;
                    }
                }

                if (found && element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text)
                {
                    if (!string.IsNullOrEmpty(secret))
                    {
                        text = text.Replace(secret, "***", StringComparison.Ordinal);
                    }

                    return text.Length > 200 ? text[..200] + "…" : text;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            // A gateway's HTML page or an empty body: the status speaks alone.
            return null;
        }
    }
}
