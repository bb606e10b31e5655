namespace Bilingual.Core.Translation;

/// <summary>
/// Counts what one <see cref="ITranslationService.TranslateAsync(IReadOnlyList{string}, CancellationToken)"/> call cost below the backend interface:
/// requests and attempts as they reached the wire, the characters they carried, throttled responses and the
/// backend's own metering. The service starts a
/// meter for each call; it flows with the call's execution context, so the HTTP layer of a remote backend can
/// record into it without the backend interface knowing about it, and concurrent calls never share one.
/// </summary>
internal sealed class TranslationMeter
{
    private static readonly AsyncLocal<TranslationMeter?> Ambient = new();

    private int _requests;
    private int _attempts;
    private int _throttled;
    private long _charactersSent;
    private long _markupCharacters;
    private long _meteredCharacters;

    /// <summary>The meter of the call in progress on this execution context, or null outside a service call.</summary>
    public static TranslationMeter? Current => Ambient.Value;

    /// <summary>Requests that reached the wire (at least one attempt was sent), each counted once however often it was retried.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Characters those requests carried as sent (glossary markup included), each request counted once.</summary>
    public long CharactersSent => Interlocked.Read(ref _charactersSent);

    /// <summary>The part of <see cref="CharactersSent"/> that is glossary (dynamic-dictionary) markup added by the backend.</summary>
    public long MarkupCharacters => Interlocked.Read(ref _markupCharacters);

    /// <summary>HTTP attempts recorded so far, retries included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Responses with status 429 recorded so far.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>The sum of the backend's metering recorded so far, in characters.</summary>
    public long MeteredCharacters => Interlocked.Read(ref _meteredCharacters);

    /// <summary>
    /// Starts a meter for the calling async method and everything it awaits. Setting an async-local inside an
    /// async method is undone when that method returns, so no scope needs disposing.
    /// </summary>
    public static TranslationMeter Start()
    {
        var meter = new TranslationMeter();
        Ambient.Value = meter;
        return meter;
    }

    /// <summary>Records a request's first attempt: <paramref name="characters"/> sent, <paramref name="markup"/> of them glossary markup.</summary>
    public void RecordRequest(int characters, int markup)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _charactersSent, characters);
        Interlocked.Add(ref _markupCharacters, markup);
    }

    /// <summary>Records one attempt sent over the wire.</summary>
    public void RecordAttempt() => Interlocked.Increment(ref _attempts);

    /// <summary>Records one throttled (429) response.</summary>
    public void RecordThrottled() => Interlocked.Increment(ref _throttled);

    /// <summary>Adds the backend's metering of one response.</summary>
    public void RecordMeteredCharacters(long characters) => Interlocked.Add(ref _meteredCharacters, characters);
}
