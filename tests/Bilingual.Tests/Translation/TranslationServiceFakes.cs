using System.Collections.Concurrent;
using Bilingual.Core.Translation;

namespace Bilingual.Tests.Translation;

/// <summary>
/// A backend that upper-cases its texts (so a translation has the source's length), reports one sentence per
/// text and records every request it receives. Behaviour can be changed per request through <see cref="OnRequest"/>.
/// With <paramref name="remote"/> it describes itself as a remote backend (figures from the meter, claims on the cache).
/// </summary>
internal sealed class CountingTranslator(TranslatorLimits limits, bool remote = false) : ITextTranslator
{
    private int inFlight;

    public TranslatorDescriptor Descriptor { get; } = new("counting", "1", "none", limits, IsRemote: remote);

    public ConcurrentQueue<IReadOnlyList<string>> Requests { get; } = new();

    public int MaxInFlight { get; private set; }

    /// <summary>Runs before a request is answered; may throw or wait.</summary>
    public Func<IReadOnlyList<string>, CancellationToken, Task>? OnRequest { get; set; }

    public int TextsSent => Requests.Sum(r => r.Count);

    public async Task<IReadOnlyList<TranslatedText>> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Enqueue(request.Texts);
        var now = Interlocked.Increment(ref inFlight);
        lock (Requests)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            if (OnRequest is { } hook)
            {
                await hook(request.Texts, cancellationToken);
            }

            await Task.Yield();
            return request.Texts.Select(t => new TranslatedText(t.ToUpperInvariant(), [t.Length], [t.Length])).ToArray();
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
