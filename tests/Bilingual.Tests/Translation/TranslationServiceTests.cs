using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Documents;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Translation;

public sealed class TranslationServiceTests
{
    private readonly InMemoryTranslationCache cache = new();

    private TranslationService CreateService(
        ITextTranslator translator, int concurrency = 4, ISentenceSegmenter? segmenter = null) =>
        new(translator, cache, TimeProvider.System, NullLogger<TranslationService>.Instance,
            Options.Create(new TranslationOptions()), Options.Create(new BatchingOptions { MaxConcurrentRequests = concurrency }),
            segmenter);

    private static string[] Paragraphs(int count, int length) =>
        Enumerable.Range(0, count).Select(i => $"Alinea {i:D4} " + new string('x', length - 12)).ToArray();

    [Fact]
    public async Task TranslateAsync_AllMisses_SendsTheMinimumNumberOfRequestsByElementCount()
    {
        var translator = new CountingTranslator(new TranslatorLimits(3, 1000));
        var paragraphs = Paragraphs(10, 100);

        var result = await CreateService(translator).TranslateAsync(paragraphs, CancellationToken.None);

        Assert.Equal(4, translator.Requests.Count);
        Assert.All(translator.Requests, r => Assert.True(r.Count <= 3));
        Assert.Equal(4, result.Statistics.BackendRequests);
        Assert.Equal(paragraphs.Select(p => p.ToUpperInvariant()), result.Paragraphs.Select(p => p.Translation!.Text));
    }

    [Fact]
    public async Task TranslateAsync_MixedLengths_PacksFirstFitDecreasingIntoTheMinimumByCharacters()
    {
        // In input order, next-fit needs three requests (60 | 50+40 | 30+20); two are enough (60+40, 50+30+20).
        var translator = new CountingTranslator(new TranslatorLimits(100, 100));
        string[] paragraphs = [new('a', 60), new('b', 50), new('c', 40), new('d', 30), new('e', 20)];

        var result = await CreateService(translator).TranslateAsync(paragraphs, CancellationToken.None);

        Assert.Equal(2, translator.Requests.Count);
        Assert.All(translator.Requests, r => Assert.True(r.Sum(t => t.Length) <= 100));
        Assert.Equal(200, result.Statistics.CharactersSent);
        Assert.All(result.Paragraphs, p => Assert.Null(p.Error));
    }

    [Fact]
    public async Task TranslateAsync_Rerun_AnswersEverythingFromTheCacheWithoutRequests()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000));
        var service = CreateService(translator);
        var paragraphs = Paragraphs(20, 50);
        var first = await service.TranslateAsync(paragraphs, CancellationToken.None);
        var sent = translator.Requests.Count;

        var second = await service.TranslateAsync(paragraphs, CancellationToken.None);

        Assert.Equal(sent, translator.Requests.Count);
        Assert.Equal(0, second.Statistics.BackendRequests);
        Assert.Equal(20, second.Statistics.CacheHits);
        Assert.All(second.Paragraphs, p => Assert.True(p.FromCache));
        Assert.All(second.Paragraphs, p => Assert.Empty(p.Requests));
        Assert.Equal(first.Paragraphs.Select(p => p.Translation), second.Paragraphs.Select(p => p.Translation));
    }

    [Fact]
    public async Task TranslateAsync_IdenticalParagraphs_AreSentOnceAndAnsweredForEach()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000));

        var result = await CreateService(translator).TranslateAsync(["Dag.", "Nacht.", "Dag."], CancellationToken.None);

        Assert.Equal(2, translator.TextsSent);
        Assert.Equal("DAG.", result.Paragraphs[0].Translation!.Text);
        Assert.Equal("DAG.", result.Paragraphs[2].Translation!.Text);
        Assert.Equal("NACHT.", result.Paragraphs[1].Translation!.Text);
        Assert.Equal(2, cache.Writes);
    }

    [Fact]
    public async Task TranslateAsync_KeysTheCacheByDescriptorAndLanguagePair()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000));

        await CreateService(translator).TranslateAsync(["Goedemorgen."], CancellationToken.None);

        var key = Assert.Single(cache.Entries.Keys);
        Assert.Equal(TranslationCacheKey.For(translator.Descriptor, "nl", "en", "Goedemorgen."), key);
    }

    [Fact]
    public async Task TranslateAsync_BlankParagraph_IsReturnedAsIsWithoutARequest()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000));

        var result = await CreateService(translator).TranslateAsync(["", "  "], CancellationToken.None);

        Assert.Empty(translator.Requests);
        Assert.Equal("  ", result.Paragraphs[1].Translation!.Text);
    }

    [Fact]
    public async Task TranslateAsync_ParagraphLongerThanTheLimit_IsCutAtSentencesAndJoinedBack()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 50));
        const string paragraph = "De eerste zin is hier. De tweede zin volgt nu! Is dit de derde zin? En dan de vierde, laatste zin.";

        var result = await CreateService(translator).TranslateAsync([paragraph], CancellationToken.None);

        var texts = translator.Requests.SelectMany(r => r).ToList();
        Assert.True(texts.Count >= 2);
        Assert.All(texts, t => Assert.True(t.Length <= 50, t));
        Assert.All(texts, t => Assert.Matches("[.!?]$", t));
        var translation = result.Paragraphs[0].Translation!;
        Assert.Equal(paragraph.ToUpperInvariant(), translation.Text);
        Assert.Equal(paragraph.Length, translation.SourceSentenceLengths!.Sum());
        Assert.Equal(translation.Text.Length, translation.TargetSentenceLengths!.Sum());
        Assert.Equal(texts.Count, translation.SourceSentenceLengths!.Count);
        Assert.Single(cache.Entries);
    }

    [Fact]
    public async Task TranslateAsync_OneLongSentence_IsCutAtWhitespace()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 20));
        var paragraph = string.Join(' ', Enumerable.Repeat("woord", 12));

        var result = await CreateService(translator).TranslateAsync([paragraph], CancellationToken.None);

        Assert.All(translator.Requests.SelectMany(r => r), t => Assert.True(t.Length <= 20));
        Assert.Equal(paragraph.ToUpperInvariant(), result.Paragraphs[0].Translation!.Text);
    }

    [Fact]
    public async Task TranslateAsync_WithSegmenter_CutsWhereTheSegmenterSays()
    {
        var translator = new CountingTranslator(new TranslatorLimits(1, 35));
        // "dr. Jansen" must not be cut after "dr." although the simple finder would.
        const string paragraph = "Het was dr. Jansen die het zei. Hij had gelijk.";
        var segmenter = new FixedSegmenter([0, 32]);

        await CreateService(translator, concurrency: 1, segmenter: segmenter).TranslateAsync([paragraph], CancellationToken.None);

        Assert.Equal(["Het was dr. Jansen die het zei.", "Hij had gelijk."], translator.Requests.SelectMany(r => r));
    }

    [Fact]
    public async Task TranslateAsync_FailingRequest_RetriesItsOtherParagraphsAloneAndFailsOnlyTheBadOne()
    {
        var translator = new CountingTranslator(new TranslatorLimits(2, 10_000))
        {
            OnRequest = (texts, _) => texts.Contains("Slecht.")
                ? throw new TranslationException("Azure Translator is temporarily unavailable (503000).") { StatusCode = 503 }
                : Task.CompletedTask,
        };
        string[] paragraphs = ["Een.", "Twee.", "Slecht.", "Vier."];

        var result = await CreateService(translator, concurrency: 1).TranslateAsync(paragraphs, CancellationToken.None);

        var failed = Assert.Single(result.Paragraphs, p => p.Error is not null);
        Assert.Same(result.Paragraphs[2], failed);
        Assert.Equal("Azure Translator is temporarily unavailable (503000).", failed.Error);
        Assert.Null(failed.Translation);
        Assert.Equal("VIER.", result.Paragraphs[3].Translation!.Text);
        // [Een, Twee], [Slecht, Vier] failed, then [Slecht] and [Vier] on their own.
        Assert.Equal(4, translator.Requests.Count);
        Assert.Single(failed.Requests);
        Assert.Equal(3, cache.Entries.Count);
        Assert.DoesNotContain(cache.Entries.Keys, k => k.SourceText == "Slecht.");
    }

    [Fact]
    public async Task TranslateAsync_OneRequestOfManyArticlesFails_SplitsItDownSoOnlyTheBadParagraphFails()
    {
        // Issue 16, case 3: one request packs paragraphs of many articles; a bad moment of the service failed them all.
        var failuresLeft = 1;
        var translator = new CountingTranslator(new TranslatorLimits(1000, 100_000))
        {
            OnRequest = (texts, _) => Interlocked.Decrement(ref failuresLeft) >= 0 || texts.Contains("Alinea 0013 xxxxxxxx")
                ? throw new TranslationException("Could not reach Azure Translator at http://127.0.0.1:1: connection reset (7 attempts).")
                : Task.CompletedTask,
        };
        var paragraphs = Paragraphs(40, 20);

        var result = await CreateService(translator).TranslateAsync(paragraphs, CancellationToken.None);

        Assert.Equal([13], result.Paragraphs.Select((p, i) => (p, i)).Where(x => x.p.Error is not null).Select(x => x.i));
        Assert.Contains("connection reset", result.Paragraphs[13].Error, StringComparison.Ordinal);
        Assert.Equal(39, cache.Entries.Count);
        // Every paragraph but the bad one went out once in a request that succeeded.
        Assert.Equal(39, translator.Requests.Where(r => !r.Contains("Alinea 0013 xxxxxxxx")).Sum(r => r.Count));
    }

    [Fact]
    public async Task TranslateAsync_PermanentRejection_IsNotSentAgainInSmallerRequests()
    {
        var translator = new CountingTranslator(new TranslatorLimits(1000, 100_000))
        {
            OnRequest = (_, _) => throw new TranslationException("Azure Translator refused the credentials (401000).") { StatusCode = 401 },
        };

        var result = await CreateService(translator).TranslateAsync(Paragraphs(16, 20), CancellationToken.None);

        Assert.Single(translator.Requests);
        Assert.All(result.Paragraphs, p => Assert.Equal("Azure Translator refused the credentials (401000).", p.Error));
    }

    [Fact]
    public async Task TranslateAsync_BackendDown_StopsSplittingAfterTheConsecutiveFailuresAndFailsTheRestUnsent()
    {
        var translator = new CountingTranslator(new TranslatorLimits(4, 100_000))
        {
            OnRequest = (_, _) => throw new TranslationException("Azure Translator is temporarily unavailable (503000).") { StatusCode = 503 },
        };
        var service = new TranslationService(translator, cache, TimeProvider.System, NullLogger<TranslationService>.Instance,
            Options.Create(new TranslationOptions()), Options.Create(new BatchingOptions { MaxConcurrentRequests = 1, MaxConsecutiveFailures = 3 }));

        var result = await service.TranslateAsync(Paragraphs(40, 20), CancellationToken.None);

        // Three failed requests, then the other nine batches and the halves of the first fail without being sent.
        Assert.Equal(3, translator.Requests.Count);
        Assert.All(result.Paragraphs, p => Assert.NotNull(p.Error));
        Assert.Contains(result.Paragraphs, p => p.Error!.StartsWith("Not sent: the backend failed 3 requests in a row", StringComparison.Ordinal));
        Assert.Equal(3, result.Statistics.BackendRequests);
    }

    [Fact]
    public async Task TranslateAsync_UnexpectedBackendException_IsReportedPerParagraphNotThrown()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000))
        {
            OnRequest = (_, _) => throw new InvalidOperationException("boom"),
        };

        var result = await CreateService(translator).TranslateAsync(["Een."], CancellationToken.None);

        Assert.Contains("boom", result.Paragraphs[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_RequestTooLarge_SplitsTheBatchInTwoInsteadOfRetryingIt()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000))
        {
            OnRequest = (texts, _) => texts.Count > 2
                ? throw new TranslationException("too large") { RequestTooLarge = true }
                : Task.CompletedTask,
        };
        var paragraphs = Paragraphs(8, 30);

        var result = await CreateService(translator).TranslateAsync(paragraphs, CancellationToken.None);

        Assert.All(result.Paragraphs, p => Assert.Null(p.Error));
        // 8 → 4 + 4 → 2 + 2 + 2 + 2: 1 + 2 + 4 requests, never the same batch twice.
        Assert.Equal(7, translator.Requests.Count);
        Assert.Equal(7, result.Statistics.BackendRequests);
        Assert.Equal(translator.Requests.Count, translator.Requests.Select(r => string.Join('|', r)).Distinct().Count());
        Assert.Equal(paragraphs.Select(p => p.ToUpperInvariant()), result.Paragraphs.Select(p => p.Translation!.Text));
    }

    [Fact]
    public async Task TranslateAsync_SingleTextTooLarge_IsHalvedAtASentenceBoundary()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000))
        {
            OnRequest = (texts, _) => texts.Any(t => t.Length > 40)
                ? throw new TranslationException("too long") { RequestTooLarge = true }
                : Task.CompletedTask,
        };
        const string paragraph = "Eerste zin van de alinea. Tweede zin van de alinea. Derde zin.";

        var result = await CreateService(translator).TranslateAsync([paragraph], CancellationToken.None);

        Assert.Null(result.Paragraphs[0].Error);
        Assert.Equal(paragraph.ToUpperInvariant(), result.Paragraphs[0].Translation!.Text);
        Assert.Equal(paragraph.Length, result.Paragraphs[0].Translation!.SourceSentenceLengths!.Sum());
    }

    [Fact]
    public async Task TranslateAsync_UnsplittableTooLarge_MarksTheParagraphFailed()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000))
        {
            OnRequest = (_, _) => throw new TranslationException("The request is too large (400077).") { RequestTooLarge = true },
        };

        var result = await CreateService(translator).TranslateAsync(["a"], CancellationToken.None);

        Assert.Equal("The request is too large (400077).", result.Paragraphs[0].Error);
    }

    [Fact]
    public async Task TranslateAsync_Cancelled_ThrowsAndKeepsCompletedParagraphsCached()
    {
        using var cancellation = new CancellationTokenSource();
        var translator = new CountingTranslator(new TranslatorLimits(1, 10_000));
        translator.OnRequest = async (texts, token) =>
        {
            if (texts[0] == "Twee.")
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CreateService(translator, concurrency: 1).TranslateAsync(["Een.", "Twee.", "Drie."], cancellation.Token));

        Assert.Equal("EEN.", Assert.Single(cache.Entries).Value.Text);
    }

    [Fact]
    public async Task TranslateAsync_Concurrency_NeverExceedsTheConfiguredRequestsInFlight()
    {
        var translator = new CountingTranslator(new TranslatorLimits(1, 10_000))
        {
            OnRequest = (_, token) => Task.Delay(20, token),
        };

        await CreateService(translator, concurrency: 3).TranslateAsync(Paragraphs(12, 20), CancellationToken.None);

        Assert.Equal(3, translator.MaxInFlight);
    }

    [Fact]
    public async Task TranslateAsync_RemoteBackend_TakesEveryFigureFromTheMeter()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000), remote: true)
        {
            OnRequest = (texts, _) =>
            {
                // As the HTTP layer records it: the request once with its markup, then two attempts (one throttled).
                var meter = TranslationMeter.Current!;
                meter.RecordRequest(texts.Sum(t => t.Length) + 40, 40);
                meter.RecordAttempt();
                meter.RecordThrottled();
                meter.RecordAttempt();
                meter.RecordMeteredCharacters(texts.Sum(t => t.Length) + 40);
                return Task.CompletedTask;
            },
        };

        var result = await CreateService(translator).TranslateAsync(["Een.", "Twee."], CancellationToken.None);

        Assert.Equal(new TranslationStatistics(1, 2, 49, 0, 1, 49, 40), result.Statistics);
    }

    [Fact]
    public async Task TranslateAsync_RemoteBatchRefusedBeforeSending_CountsNothingForIt()
    {
        // The reported 65 backend calls for 43 requests received: batches the glossary markup pushed over the limit
        // were refused before sending, and still counted with their characters.
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000), remote: true)
        {
            OnRequest = (texts, _) =>
            {
                if (texts.Count > 1)
                {
                    throw new TranslationException("With the glossary markup, the batch is too large.") { RequestTooLarge = true };
                }

                TranslationMeter.Current!.RecordRequest(texts[0].Length, 0);
                TranslationMeter.Current!.RecordAttempt();
                return Task.CompletedTask;
            },
        };

        var result = await CreateService(translator).TranslateAsync(["Een.", "Twee.", "Drie.", "Vier."], CancellationToken.None);

        Assert.Equal(7, translator.Requests.Count);
        Assert.Equal(new TranslationStatistics(4, 4, 19, 0, 0, 0), result.Statistics);
        Assert.True(result.Statistics.BackendRequests <= result.Statistics.Attempts);
    }

    [Fact]
    public async Task TranslateAsync_LocalBackend_CountsOneAttemptPerRequest()
    {
        var translator = new CountingTranslator(new TranslatorLimits(1, 10_000));

        var result = await CreateService(translator).TranslateAsync(["Een.", "Twee.", "Drie."], CancellationToken.None);

        Assert.Equal(3, result.Statistics.Attempts);
        Assert.Equal(3, result.Statistics.BackendRequests);
        Assert.All(result.Paragraphs, p => Assert.Single(p.Requests));
        Assert.Equal([1, 2, 3], result.Paragraphs.SelectMany(p => p.Requests).Order());
    }

    [Fact]
    public async Task AddTranslationService_WithBackendAndCacheRegistered_ResolvesAWorkingService()
    {
        var translator = new CountingTranslator(new TranslatorLimits(100, 10_000));
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Translation:Batching:MaxConcurrentRequests"] = "2",
            }).Build())
            .AddLogging()
            .AddSingleton<ITextTranslator>(translator)
            .AddSingleton<ITranslationCache>(cache)
            .AddTranslationService();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var service = provider.GetRequiredService<ITranslationService>();
        var result = await service.TranslateAsync(["Een."], CancellationToken.None);

        Assert.IsType<TranslationService>(service);
        Assert.Same(translator.Descriptor, service.Descriptor);
        Assert.Equal("EEN.", result.Paragraphs[0].Translation!.Text);
        Assert.Equal(2, provider.GetRequiredService<IOptions<BatchingOptions>>().Value.MaxConcurrentRequests);
    }

    [Fact]
    public void BatchingOptions_ConcurrencyOutOfRange_IsRejectedAtStart()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Translation:Batching:MaxConcurrentRequests"] = "0",
            }).Build())
            .AddTranslationService();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BatchingOptions>>().Value);

        Assert.Contains("MaxConcurrentRequests", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedSegmenter(int[] starts) : ISentenceSegmenter
    {
        public IReadOnlyList<Segment> Split(string text, string language) =>
            starts.Select((start, i) =>
            {
                var end = i + 1 < starts.Length ? starts[i + 1] : text.Length;
                return new Segment(i, start, text[start..end].TrimEnd());
            }).ToArray();
    }
}
