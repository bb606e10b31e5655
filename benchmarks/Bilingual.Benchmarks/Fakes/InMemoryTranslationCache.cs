using System.Collections.Concurrent;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Caching;

namespace Bilingual.Benchmarks.Fakes;

/// <summary>An in-memory translation cache that counts its writes; the benchmark's cache and the tests' double.</summary>
internal sealed class InMemoryTranslationCache : ITranslationCache
{
    private readonly ConcurrentDictionary<TranslationCacheKey, TranslatedText> entries = new();

    private int writes;

    public int Writes => Volatile.Read(ref writes);

    public IReadOnlyDictionary<TranslationCacheKey, TranslatedText> Entries => entries;

    public ValueTask<TranslatedText?> GetAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(entries.TryGetValue(key, out var value) ? value : null);
    }

    public ValueTask SetAsync(TranslationCacheKey key, TranslatedText value, CancellationToken cancellationToken)
    {
        entries[key] = value;
        Interlocked.Increment(ref writes);
        return ValueTask.CompletedTask;
    }
}
