using System.Globalization;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Translation.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Translation;

/// <summary>
/// Cache first, then as few backend requests as the limits allow: identical paragraphs are translated once,
/// paragraphs too long for one request are cut at sentence boundaries and joined back, every paragraph is
/// cached the moment its last piece arrives, and a request that finally fails marks only its own paragraphs: a
/// failure a retry could cure sends the batch again in two halves, down to single paragraphs, so a paragraph fails only
/// when a request carrying nothing else failed, or when the backend is down (see
/// <see cref="BatchingOptions.MaxConsecutiveFailures"/>).
/// </summary>
internal sealed partial class TranslationService : ITranslationService
{
    private readonly ITextTranslator _translator;
    private readonly ITranslationCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TranslationService> _logger;
    private readonly TranslationOptions _translation;
    private readonly BatchingOptions _batching;
    private readonly BatchingSplitter _splitter;
    private readonly ITranslationClaims? _claims;

    // How often a paragraph another process is translating is looked for in the cache: from half a second, doubling, to 5 s.
    private static readonly TimeSpan FirstClaimPoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastClaimPoll = TimeSpan.FromSeconds(5);

    /// <summary>Creates the service.</summary>
    /// <param name="translator">The backend, already wrapped in its resilience and rate shaping.</param>
    /// <param name="cache">The translation cache.</param>
    /// <param name="timeProvider">The clock, for request timings.</param>
    /// <param name="logger">Progress per request.</param>
    /// <param name="translationOptions">The language pair.</param>
    /// <param name="batchingOptions">Concurrency.</param>
    /// <param name="segmenter">Sentence boundaries for cutting long paragraphs; a simple finder when absent.</param>
    /// <param name="claims">
    /// Claims on cache keys shared with other processes on the same store, so that a paid (remote) backend is never asked
    /// twice for one paragraph; none when absent.
    /// </param>
    public TranslationService(
        ITextTranslator translator,
        ITranslationCache cache,
        TimeProvider timeProvider,
        ILogger<TranslationService> logger,
        IOptions<TranslationOptions> translationOptions,
        IOptions<BatchingOptions> batchingOptions,
        ISentenceSegmenter? segmenter = null,
        ITranslationClaims? claims = null)
    {
        ArgumentNullException.ThrowIfNull(translationOptions);
        ArgumentNullException.ThrowIfNull(batchingOptions);
        _translator = translator;
        _cache = cache;
        _timeProvider = timeProvider;
        _logger = logger;
        _translation = translationOptions.Value;
        _batching = batchingOptions.Value;
        _splitter = new BatchingSplitter(segmenter, _translation.From);
        _claims = claims;
    }

    /// <inheritdoc />
    public TranslatorDescriptor Descriptor => _translator.Descriptor;

    /// <inheritdoc />
    public Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken) =>
        TranslateAsync(paragraphs, null, cancellationToken);

    /// <inheritdoc />
    public async Task<TranslationBatchResult> TranslateAsync(IReadOnlyList<string> paragraphs, Action<int, ParagraphTranslation>? settled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = TranslationTelemetry.Source.StartActivity("translate paragraphs");
        activity?.SetTag("bilingual.paragraphs", paragraphs.Count);
        var meter = TranslationMeter.Start();
        var descriptor = _translator.Descriptor;
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
                job = new Job(text, TranslationCacheKey.For(descriptor, _translation.From, _translation.To, text));
                jobs.Add(text, job);
            }

            job.Indices.Add(i);
        }

        var cacheHits = 0;
        var misses = new List<Job>();
        foreach (var job in jobs.Values)
        {
            var cached = await _cache.GetAsync(job.Key, cancellationToken);
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
        // A paid backend is asked only for what no other process on the same store is translating already; the
        // paragraphs another one holds are waited for, and taken over when its lease runs out.
        var claimed = new List<Job>();
        try
        {
            var (own, theirs) = _claims is not null && descriptor.IsRemote && misses.Count > 0
                ? await ClaimAsync(misses, claimed, cancellationToken)
                : (misses, []);
            await Task.WhenAll(SendAsync(run, own, cacheHits), WaitForOthersAsync(run, theirs, claimed, cancellationToken));
        }
        finally
        {
            foreach (var job in claimed)
            {
                // Released whatever happened, so a waiting process takes a failed or cancelled paragraph over at once.
                await _claims!.ReleaseAsync(job.Key, CancellationToken.None);
            }
        }

        cacheHits += misses.Where(job => job.Shared).Sum(job => job.Indices.Count);

        foreach (var job in misses)
        {
            var outcome = job.Outcome();
            foreach (var index in job.Indices)
            {
                results[index] = outcome;
            }

            Settle(job);
        }

        // A remote backend's figures are what reached the wire, as its HTTP layer counted them: a batch refused before
        // sending (too large with the glossary markup) or kept back by an open circuit cost nothing and counts nothing.
        var statistics = descriptor.IsRemote
            ? new TranslationStatistics(
                meter.Requests, meter.Attempts, meter.CharactersSent, cacheHits, meter.Throttled, meter.MeteredCharacters, meter.MarkupCharacters)
            : new TranslationStatistics(
                run.Requests, run.Requests, run.CharactersSent, cacheHits, meter.Throttled, meter.MeteredCharacters);
        TranslationTelemetry.Paragraphs.Add(cacheHits, new KeyValuePair<string, object?>("source", "cache"));
        TranslationTelemetry.Paragraphs.Add(paragraphs.Count - cacheHits, new KeyValuePair<string, object?>("source", "backend"));
        TranslationTelemetry.CharactersBilled.Add(statistics.CharactersBilled);
        activity?.SetTag("bilingual.cache_hits", cacheHits);
        activity?.SetTag("bilingual.backend_requests", statistics.BackendRequests);
        return new TranslationBatchResult(results.Select(r => r!).ToArray(), statistics);
    }

    private Task SendAsync(Run run, IReadOnlyList<Job> jobs, int cacheHits)
    {
        if (jobs.Count == 0)
        {
            return Task.CompletedTask;
        }

        var descriptor = _translator.Descriptor;
        var pieces = jobs.SelectMany(job => job.Cut(_splitter, descriptor.Limits.MaxCharacters)).ToList();
        var batches = BatchingPlanner.Pack(pieces, p => p.Text.Length, descriptor.Limits);
        LogPlan(jobs.Count, cacheHits, pieces.Sum(p => (long)p.Text.Length), batches.Count);
        return Task.WhenAll(batches.Select(run.SendAsync));
    }

    // Claims every miss; a claimed one that another process finished in the meantime is answered from the cache.
    private async Task<(List<Job> Own, List<Job> Theirs)> ClaimAsync(List<Job> misses, List<Job> claimed, CancellationToken cancellationToken)
    {
        var own = new List<Job>();
        var theirs = new List<Job>();
        foreach (var job in misses)
        {
            if (!await _claims!.TryClaimAsync(job.Key, cancellationToken))
            {
                theirs.Add(job);
                continue;
            }

            if (await TakeClaimedAsync(job, claimed, cancellationToken))
            {
                own.Add(job);
            }
        }

        if (theirs.Count > 0)
        {
            LogWaitingForOthers(theirs.Count);
        }

        return (own, theirs);
    }

    // Polls the cache for the paragraphs another process holds, with back-off on the injected clock, and takes over
    // those whose claim was released without a result (it failed) or whose lease ran out (its process died).
    private async Task WaitForOthersAsync(Run run, List<Job> theirs, List<Job> claimed, CancellationToken cancellationToken)
    {
        var delay = FirstClaimPoll;
        var sends = new List<Task>();
        while (theirs.Count > 0)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
            delay = delay * 2 < LastClaimPoll ? delay * 2 : LastClaimPoll;
            var taken = new List<Job>();
            foreach (var job in theirs.ToArray())
            {
                if (await _cache.GetAsync(job.Key, cancellationToken) is { } done)
                {
                    job.ShareFromCache(done);
                    theirs.Remove(job);
                }
                else if (await _claims!.TryClaimAsync(job.Key, cancellationToken))
                {
                    theirs.Remove(job);
                    if (await TakeClaimedAsync(job, claimed, cancellationToken))
                    {
                        taken.Add(job);
                    }
                }
            }

            if (taken.Count > 0)
            {
                LogTakenOver(taken.Count);
                sends.Add(SendAsync(run, taken, 0));
            }
        }

        await Task.WhenAll(sends);
    }

    // Records a claim just won; true when the job is still to be sent, false when another process finished it meanwhile
    // (its result was stored before its claim was released) and it is answered from the cache.
    private async Task<bool> TakeClaimedAsync(Job job, List<Job> claimed, CancellationToken cancellationToken)
    {
        lock (claimed)
        {
            claimed.Add(job);
        }

        job.ClaimedAt = _timeProvider.GetTimestamp();
        if (await _cache.GetAsync(job.Key, cancellationToken) is { } done)
        {
            job.ShareFromCache(done);
            return false;
        }

        return true;
    }

    // Renews the claims of a batch about to be sent once half their lease has passed, so a long run keeps them.
    private async Task RenewClaimsAsync(IReadOnlyList<Piece> batch, CancellationToken cancellationToken)
    {
        if (_claims is null)
        {
            return;
        }

        foreach (var job in batch.Select(p => p.Job).Distinct())
        {
            if (job.ClaimedAt is { } at && _timeProvider.GetElapsedTime(at) > _claims.Lease / 2)
            {
                job.ClaimedAt = _timeProvider.GetTimestamp();
                await _claims.TryClaimAsync(job.Key, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Paragraphs} paragraphs are being translated by another process on the same cache; waiting for its results")]
    private partial void LogWaitingForOthers(int paragraphs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Taking over {Paragraphs} paragraphs another process claimed and did not finish")]
    private partial void LogTakenOver(int paragraphs);

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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Request {Number} ({Texts} texts) failed; sending its paragraphs again in two smaller requests: {Reason}")]
    private partial void LogRequestRetriedSmaller(int number, int texts, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Failures} requests in a row failed; the backend is taken to be down and the {Texts} texts not yet sent are marked failed: {Reason}")]
    private partial void LogBackendDown(int failures, int texts, string reason);

    /// <summary>The state of one <see cref="TranslateAsync(IReadOnlyList{string}, CancellationToken)"/> call while its requests are in flight.</summary>
    private sealed class Run(TranslationService service, int total, Action<Job> settled, CancellationToken cancellationToken) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(service._batching.MaxConcurrentRequests);
        private readonly Lock _sync = new();
        private int _requests;
        private long _charactersSent;
        private int _done;
        private int _consecutiveFailures;
        private string? _downReason;

        public int Requests => Volatile.Read(ref _requests);

        public long CharactersSent => Interlocked.Read(ref _charactersSent);

        public void Dispose() => _gate.Dispose();

        public async Task SendAsync(IReadOnlyList<Piece> batch)
        {
            IReadOnlyList<IReadOnlyList<Piece>> retry = [];
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (DownReason is { } reason)
                {
                    // Not sent: the backend failed too many requests in a row to be worth another one.
                    FailUnsent(batch, reason);
                }
                else
                {
                    retry = await SendOnceAsync(batch);
                }
            }
            finally
            {
                _gate.Release();
            }

            // Halves go back through the gate like any other request.
            await Task.WhenAll(retry.Select(SendAsync));
        }

        private async Task<IReadOnlyList<IReadOnlyList<Piece>>> SendOnceAsync(IReadOnlyList<Piece> batch)
        {
            var number = Interlocked.Increment(ref _requests);
            var characters = batch.Sum(p => p.Text.Length);
            Interlocked.Add(ref _charactersSent, characters);
            var started = service._timeProvider.GetTimestamp();
            IReadOnlyList<TranslatedText> translated;
            try
            {
                await service.RenewClaimsAsync(batch, cancellationToken);
                var request = new TranslationRequest(batch.Select(p => p.Text).ToArray(), service._translation.From, service._translation.To);
                translated = await service._translator.TranslateAsync(request, cancellationToken);
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
                var reason = ex is TranslationException ? ex.Message : $"The backend failed unexpectedly: {ex.Message}";
                var down = RecordFailure(reason, batch.Count);
                if (!down && batch.Count > 1 && !IsPermanent(ex))
                {
                    // Sent again in halves: the paragraphs that shared the request with a bad one, or met a bad moment of
                    // the service, get requests of their own before any is declared failed.
                    service.LogRequestRetriedSmaller(number, batch.Count, reason);
                    var half = batch.Count / 2;
                    return [batch.Take(half).ToArray(), batch.Skip(half).ToArray()];
                }

                Fail(batch, number, reason, ex, transient: !IsPermanent(ex));
                return [];
            }

            lock (_sync)
            {
                _consecutiveFailures = 0;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var piece = batch[i];
                if (piece.Job.Complete(piece, translated[i], number) is { } paragraph)
                {
                    // Cached at once and whatever happens to the rest of the call, so a cancelled run keeps it.
                    await service._cache.SetAsync(piece.Job.Key, paragraph, CancellationToken.None);
                    Interlocked.Increment(ref _done);
                    settled(piece.Job);
                }
            }

            TranslationTelemetry.BackendDuration.Record(service._timeProvider.GetElapsedTime(started).TotalSeconds);
            if (service._logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = (long)service._timeProvider.GetElapsedTime(started).TotalMilliseconds;
                var translatedSoFar = Volatile.Read(ref _done);
                service.LogRequestDone(number, batch.Count, characters, elapsed, translatedSoFar, total);
            }

            return [];
        }

        private string? DownReason
        {
            get
            {
                lock (_sync)
                {
                    return _downReason;
                }
            }
        }

        // Counts a failed request; true when the backend is now taken to be down.
        private bool RecordFailure(string reason, int texts)
        {
            lock (_sync)
            {
                if (_downReason is not null)
                {
                    return true;
                }

                if (++_consecutiveFailures < service._batching.MaxConsecutiveFailures)
                {
                    return false;
                }

                _downReason = string.Create(CultureInfo.InvariantCulture,
                    $"Not sent: the backend failed {_consecutiveFailures} requests in a row, the last with: {reason}");
            }

            service.LogBackendDown(service._batching.MaxConsecutiveFailures, texts, reason);
            return true;
        }

        // A 4xx other than 408 and 429 (a wrong key, an unsupported language pair) fails a smaller request just the same.
        private static bool IsPermanent(Exception exception) =>
            exception is TranslationException { StatusCode: >= 400 and < 500 and not 408 and not 429 };

        private void FailUnsent(IReadOnlyList<Piece> batch, string reason)
        {
            // Not sent because the backend is down: a later try may succeed.
            foreach (var piece in batch)
            {
                piece.Job.Fail(reason, request: null, transient: true);
            }

            foreach (var job in batch.Select(p => p.Job).Distinct())
            {
                settled(job);
            }
        }

        private void Fail(IReadOnlyList<Piece> batch, int number, string reason, Exception exception, bool transient = false)
        {
            service.LogRequestFailed(number, batch.Count, reason, exception);
            foreach (var piece in batch)
            {
                piece.Job.Fail(reason, number, transient);
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

            return batch[0].Job.Halve(batch[0], service._splitter) is { } pair ? [[pair.First], [pair.Second]] : null;
        }
    }

    /// <summary>A range of a job's paragraph sent as one text: <c>[Start, End)</c> including trailing whitespace.</summary>
    private sealed record Piece(Job Job, int Start, int End, string Text);

    /// <summary>One distinct paragraph that missed the cache, and the pieces of it that have come back.</summary>
    private sealed class Job(string text, TranslationCacheKey key)
    {
        private readonly Lock _sync = new();
        private readonly SortedDictionary<int, (Piece Piece, TranslatedText Translation)> _arrived = [];
        private readonly SortedSet<int> _requests = [];
        private int _pending;
        private string? _error;
        private bool _failedTransiently;
        private TranslatedText? _result;
        private bool _shared;

        public string Text { get; } = text;

        public TranslationCacheKey Key { get; } = key;

        public List<int> Indices { get; } = [];

        /// <summary>When this process's claim on the key was taken or last renewed (a timestamp); null when not claimed.</summary>
        public long? ClaimedAt { get; set; }

        /// <summary>True when another process translated it and this one took the result from the cache.</summary>
        public bool Shared
        {
            get
            {
                lock (_sync)
                {
                    return _shared;
                }
            }
        }

        /// <summary>Takes the translation another process stored.</summary>
        public void ShareFromCache(TranslatedText translation)
        {
            lock (_sync)
            {
                _result = translation;
                _shared = true;
            }
        }

        public List<Piece> Cut(BatchingSplitter splitter, int maxCharacters)
        {
            var cuts = splitter.CutsToFit(Text, maxCharacters);
            var starts = cuts.Prepend(0).ToArray();
            var pieces = new List<Piece>(starts.Length);
            for (var i = 0; i < starts.Length; i++)
            {
                pieces.Add(MakePiece(starts[i], i + 1 < starts.Length ? starts[i + 1] : Text.Length));
            }

            _pending = pieces.Count;
            return pieces;
        }

        public (Piece First, Piece Second)? Halve(Piece piece, BatchingSplitter splitter)
        {
            var contentEnd = piece.Start + piece.Text.Length;
            if (splitter.Halve(Text, piece.Start, contentEnd) is not { } cut)
            {
                return null;
            }

            lock (_sync)
            {
                _pending++;
            }

            return (MakePiece(piece.Start, cut), MakePiece(cut, piece.End));
        }

        /// <summary>Records a piece's translation; returns the whole paragraph's when this was its last piece.</summary>
        public TranslatedText? Complete(Piece piece, TranslatedText translation, int request)
        {
            lock (_sync)
            {
                _arrived[piece.Start] = (piece, translation);
                _requests.Add(request);
                _pending--;
                if (_pending > 0 || _error is not null)
                {
                    return null;
                }

                _result = Join();
                return _result;
            }
        }

        /// <summary>Records a piece's failure, in request <paramref name="request"/> or (null) before it was sent.</summary>
        public void Fail(string reason, int? request, bool transient = false)
        {
            lock (_sync)
            {
                // The first failure decides: a refusal stays a refusal even if a later piece met an outage.
                if (_error is null)
                {
                    _failedTransiently = transient;
                }

                _error ??= reason;
                if (request is { } number)
                {
                    _requests.Add(number);
                }

                _pending--;
            }
        }

        public ParagraphTranslation Outcome()
        {
            lock (_sync)
            {
                return _result is not null
                    ? new ParagraphTranslation(_result, FromCache: _shared, _requests.ToArray())
                    : new ParagraphTranslation(null, FromCache: false, _requests.ToArray(),
                        _error ?? "The translation was not completed.", Transient: _error is null || _failedTransiently);
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
            if (_arrived.Count == 1)
            {
                return _arrived.Values.First().Translation;
            }

            var text = new System.Text.StringBuilder();
            List<int>? sourceLengths = [];
            List<int>? targetLengths = [];
            foreach (var (piece, translation) in _arrived.Values)
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
