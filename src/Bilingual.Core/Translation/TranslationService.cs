using Bilingual.Core.Segmentation;
using Bilingual.Core.Translation.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation;

/// <summary>
/// Cache first, then as few backend requests as the limits allow: identical paragraphs are translated once,
/// paragraphs too long for one request are cut at sentence boundaries and joined back, every paragraph is
/// cached the moment its last piece arrives, and a request that finally fails marks only its own paragraphs.
/// </summary>
internal sealed partial class TranslationService : ITranslationService
{
    private readonly ITextTranslator translator;
    private readonly ITranslationCache cache;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<TranslationService> logger;
    private readonly TranslationOptions translation;
    private readonly BatchingOptions batching;
    private readonly BatchingSplitter splitter;

    /// <summary>Creates the service.</summary>
    /// <param name="translator">The backend, already wrapped in its resilience and rate shaping.</param>
    /// <param name="cache">The translation cache.</param>
    /// <param name="timeProvider">The clock, for request timings.</param>
    /// <param name="logger">Progress per request.</param>
    /// <param name="translationOptions">The language pair.</param>
    /// <param name="batchingOptions">Concurrency.</param>
    /// <param name="segmenter">Sentence boundaries for cutting long paragraphs; a simple finder when absent.</param>
    public TranslationService(
        ITextTranslator translator,
        ITranslationCache cache,
        TimeProvider timeProvider,
        ILogger<TranslationService> logger,
        IOptions<TranslationOptions> translationOptions,
        IOptions<BatchingOptions> batchingOptions,
        ISentenceSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(translationOptions);
        ArgumentNullException.ThrowIfNull(batchingOptions);
        this.translator = translator;
        this.cache = cache;
        this.timeProvider = timeProvider;
        this.logger = logger;
        translation = translationOptions.Value;
        batching = batchingOptions.Value;
        splitter = new BatchingSplitter(segmenter, translation.From);
    }

    /// <inheritdoc />
    public TranslatorDescriptor Descriptor => translator.Descriptor;

    /// <inheritdoc />
    public Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken) =>
        TranslateAsync(paragraphs, null, cancellationToken);

    /// <inheritdoc />
    public async Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, Action<int, ParagraphTranslation>? settled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        cancellationToken.ThrowIfCancellationRequested();
        var meter = TranslationMeter.Start();
        var descriptor = translator.Descriptor;
        var results = new ParagraphTranslation?[paragraphs.Count];

        // Identical paragraphs (a repeated byline, the same paragraph in two articles) become one job.
        var jobs = new Dictionary<string, Job>(StringComparer.Ordinal);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var text = paragraphs[i] ?? string.Empty;
            if (string.IsNullOrWhiteSpace(text))
            {
                results[i] = new ParagraphTranslation(new TranslatedText(text), FromCache: false, Requests: []);
                settled?.Invoke(i, results[i]!);
                continue;
            }

            if (!jobs.TryGetValue(text, out var job))
            {
                job = new Job(text, TranslationCacheKey.For(descriptor, translation.From, translation.To, text));
                jobs.Add(text, job);
            }

            job.Indices.Add(i);
        }

        var cacheHits = 0;
        var misses = new List<Job>();
        foreach (var job in jobs.Values)
        {
            var cached = await cache.GetAsync(job.Key, cancellationToken);
            if (cached is null)
            {
                misses.Add(job);
                continue;
            }

            foreach (var index in job.Indices)
            {
                results[index] = new ParagraphTranslation(cached, FromCache: true, Requests: []);
                settled?.Invoke(index, results[index]!);
            }

            cacheHits += job.Indices.Count;
        }

        // A paragraph is reported once, as soon as its own requests are done, so a caller can finish an article
        // while the requests of the others are still in flight.
        var reported = new HashSet<Job>();
        void Settle(Job job)
        {
            lock (reported)
            {
                if (settled is null || !reported.Add(job))
                {
                    return;
                }

                var outcome = job.Outcome();
                foreach (var index in job.Indices)
                {
                    settled(index, outcome);
                }
            }
        }

        using var run = new Run(this, misses.Count, Settle, cancellationToken);
        if (misses.Count > 0)
        {
            var pieces = misses.SelectMany(job => job.Cut(splitter, descriptor.Limits.MaxCharacters)).ToList();
            var batches = BatchingPlanner.Pack(pieces, p => p.Text.Length, descriptor.Limits);
            var characters = pieces.Sum(p => (long)p.Text.Length);
            LogPlan(misses.Count, cacheHits, characters, batches.Count);
            await Task.WhenAll(batches.Select(run.SendAsync));
        }

        foreach (var job in misses)
        {
            var outcome = job.Outcome();
            foreach (var index in job.Indices)
            {
                results[index] = outcome;
            }

            Settle(job);
        }

        var statistics = new TranslationStatistics(
            run.Requests,
            meter.Attempts > 0 ? meter.Attempts : run.Requests,
            run.CharactersSent,
            cacheHits,
            meter.Throttled,
            meter.MeteredCharacters);
        return new TranslationBatchResult(results.Select(r => r!).ToArray(), statistics);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Translating {Misses} paragraphs in {Requests} requests ({Characters} characters); {CacheHits} from the cache")]
    private partial void LogPlan(int misses, int cacheHits, long characters, int requests);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Request {Number}: {Texts} texts, {Characters} characters in {ElapsedMs} ms; {Done}/{Total} paragraphs translated")]
    private partial void LogRequestDone(int number, int texts, int characters, long elapsedMs, int done, int total);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Request {Number} ({Texts} texts, {Characters} characters) was too large for the backend; splitting it")]
    private partial void LogRequestSplit(int number, int texts, int characters);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Request {Number} ({Texts} texts) failed; its paragraphs are marked failed: {Reason}")]
    private partial void LogRequestFailed(int number, int texts, string reason, Exception exception);

    /// <summary>The state of one <see cref="TranslateAsync(IReadOnlyList{string}, CancellationToken)"/> call while its requests are in flight.</summary>
    private sealed class Run(TranslationService service, int total, Action<Job> settled, CancellationToken cancellationToken) : IDisposable
    {
        private readonly SemaphoreSlim gate = new(service.batching.MaxConcurrentRequests);
        private int requests;
        private long charactersSent;
        private int done;

        public int Requests => Volatile.Read(ref requests);

        public long CharactersSent => Interlocked.Read(ref charactersSent);

        public void Dispose() => gate.Dispose();

        public async Task SendAsync(IReadOnlyList<Piece> batch)
        {
            IReadOnlyList<IReadOnlyList<Piece>> retry = [];
            await gate.WaitAsync(cancellationToken);
            try
            {
                retry = await SendOnceAsync(batch);
            }
            finally
            {
                gate.Release();
            }

            // Halves go back through the gate like any other request.
            await Task.WhenAll(retry.Select(SendAsync));
        }

        private async Task<IReadOnlyList<IReadOnlyList<Piece>>> SendOnceAsync(IReadOnlyList<Piece> batch)
        {
            var number = Interlocked.Increment(ref requests);
            var characters = batch.Sum(p => p.Text.Length);
            Interlocked.Add(ref charactersSent, characters);
            var started = service.timeProvider.GetTimestamp();
            IReadOnlyList<TranslatedText> translated;
            try
            {
                var request = new TranslationRequest(batch.Select(p => p.Text).ToArray(), service.translation.From, service.translation.To);
                translated = await service.translator.TranslateAsync(request, cancellationToken);
                if (translated.Count != batch.Count)
                {
                    throw new TranslationException(
                        $"The backend returned {translated.Count} translations for {batch.Count} texts.");
                }
            }
            catch (TranslationException ex) when (ex.RequestTooLarge)
            {
                if (Split(batch) is { } halves)
                {
                    service.LogRequestSplit(number, batch.Count, characters);
                    return halves;
                }

                Fail(batch, number, ex.Message, ex);
                return [];
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // The contract: a backend failure marks its paragraphs, it never fails the whole call.
                Fail(batch, number, ex is TranslationException ? ex.Message : $"The backend failed unexpectedly: {ex.Message}", ex);
                return [];
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var piece = batch[i];
                if (piece.Job.Complete(piece, translated[i], number) is { } paragraph)
                {
                    // Cached at once and whatever happens to the rest of the call, so a cancelled run keeps it.
                    await service.cache.SetAsync(piece.Job.Key, paragraph, CancellationToken.None);
                    Interlocked.Increment(ref done);
                    settled(piece.Job);
                }
            }

            if (service.logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = (long)service.timeProvider.GetElapsedTime(started).TotalMilliseconds;
                var translatedSoFar = Volatile.Read(ref done);
                service.LogRequestDone(number, batch.Count, characters, elapsed, translatedSoFar, total);
            }

            return [];
        }

        private void Fail(IReadOnlyList<Piece> batch, int number, string reason, Exception exception)
        {
            service.LogRequestFailed(number, batch.Count, reason, exception);
            foreach (var piece in batch)
            {
                piece.Job.Fail(reason, number);
            }

            foreach (var job in batch.Select(p => p.Job).Distinct())
            {
                settled(job);
            }
        }

        /// <summary>Two halves of a batch; a batch of one text is cut in two at a sentence boundary.</summary>
        private List<IReadOnlyList<Piece>>? Split(IReadOnlyList<Piece> batch)
        {
            if (batch.Count > 1)
            {
                var half = batch.Count / 2;
                return [batch.Take(half).ToArray(), batch.Skip(half).ToArray()];
            }

            return batch[0].Job.Halve(batch[0], service.splitter) is { } pair ? [[pair.First], [pair.Second]] : null;
        }
    }

    /// <summary>A range of a job's paragraph sent as one text: <c>[Start, End)</c> including trailing whitespace.</summary>
    private sealed record Piece(Job Job, int Start, int End, string Text);

    /// <summary>One distinct paragraph that missed the cache, and the pieces of it that have come back.</summary>
    private sealed class Job(string text, TranslationCacheKey key)
    {
        private readonly Lock sync = new();
        private readonly SortedDictionary<int, (Piece Piece, TranslatedText Translation)> arrived = [];
        private readonly SortedSet<int> requests = [];
        private int pending;
        private string? error;
        private TranslatedText? result;

        public string Text { get; } = text;

        public TranslationCacheKey Key { get; } = key;

        public List<int> Indices { get; } = [];

        public List<Piece> Cut(BatchingSplitter splitter, int maxCharacters)
        {
            var cuts = splitter.CutsToFit(Text, maxCharacters);
            var starts = cuts.Prepend(0).ToArray();
            var pieces = new List<Piece>(starts.Length);
            for (var i = 0; i < starts.Length; i++)
            {
                pieces.Add(MakePiece(starts[i], i + 1 < starts.Length ? starts[i + 1] : Text.Length));
            }

            pending = pieces.Count;
            return pieces;
        }

        public (Piece First, Piece Second)? Halve(Piece piece, BatchingSplitter splitter)
        {
            var contentEnd = piece.Start + piece.Text.Length;
            if (splitter.Halve(Text, piece.Start, contentEnd) is not { } cut)
            {
                return null;
            }

            lock (sync)
            {
                pending++;
            }

            return (MakePiece(piece.Start, cut), MakePiece(cut, piece.End));
        }

        /// <summary>Records a piece's translation; returns the whole paragraph's when this was its last piece.</summary>
        public TranslatedText? Complete(Piece piece, TranslatedText translation, int request)
        {
            lock (sync)
            {
                arrived[piece.Start] = (piece, translation);
                requests.Add(request);
                pending--;
                if (pending > 0 || error is not null)
                {
                    return null;
                }

                result = Join();
                return result;
            }
        }

        public void Fail(string reason, int request)
        {
            lock (sync)
            {
                error ??= reason;
                requests.Add(request);
                pending--;
            }
        }

        public ParagraphTranslation Outcome()
        {
            lock (sync)
            {
                return result is not null
                    ? new ParagraphTranslation(result, FromCache: false, requests.ToArray())
                    : new ParagraphTranslation(null, FromCache: false, requests.ToArray(),
                        error ?? "The translation was not completed.");
            }
        }

        private Piece MakePiece(int start, int end)
        {
            // The last piece keeps the paragraph's own ending; the others drop the whitespace they are joined by.
            var contentEnd = end == Text.Length ? end : BatchingSplitter.ContentEnd(Text, start, end);
            return new Piece(this, start, end, Text[start..contentEnd]);
        }

        private TranslatedText Join()
        {
            if (arrived.Count == 1)
            {
                return arrived.Values.First().Translation;
            }

            var text = new System.Text.StringBuilder();
            List<int>? sourceLengths = [];
            List<int>? targetLengths = [];
            foreach (var (piece, translation) in arrived.Values)
            {
                // The whitespace that joined the pieces in the source joins their translations, and belongs to the
                // sentence before it, as Azure's sentLen counts it.
                var gap = Text[(piece.Start + piece.Text.Length)..piece.End];
                text.Append(translation.Text).Append(gap);
                if (translation.SourceSentenceLengths is { Count: > 0 } source
                    && translation.TargetSentenceLengths is { Count: > 0 } target
                    && sourceLengths is not null && targetLengths is not null)
                {
                    sourceLengths.AddRange(source);
                    targetLengths.AddRange(target);
                    sourceLengths[^1] += gap.Length;
                    targetLengths[^1] += gap.Length;
                }
                else
                {
                    sourceLengths = null;
                    targetLengths = null;
                }
            }

            return new TranslatedText(text.ToString(), sourceLengths, targetLengths);
        }
    }
}
