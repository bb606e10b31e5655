namespace Bilingual.Core.Translation.Caching;

/// <summary>
/// Claims on cache keys, kept in the store the processes share, so that two processes never pay for the same
/// translation: a process claims a key before it calls the backend, and one that finds the key claimed by another waits
/// for that one's result in the cache. A claim is a lease: when its owner dies without releasing it, the lease runs out
/// and another process takes the key over.
/// </summary>
public interface ITranslationClaims
{
    /// <summary>How long a claim holds unless renewed; a waiter takes a key over once its lease has run out.</summary>
    TimeSpan Lease { get; }

    /// <summary>
    /// Claims <paramref name="key"/> for this process for one <see cref="Lease"/> from now: true when it was free,
    /// already this process's (the lease is renewed), or held by a lease that has run out; false while another process
    /// holds it.
    /// </summary>
    ValueTask<bool> TryClaimAsync(TranslationCacheKey key, CancellationToken cancellationToken);

    /// <summary>Gives up this process's claim on <paramref name="key"/> (its translation is stored, or it failed); another's is left alone.</summary>
    ValueTask ReleaseAsync(TranslationCacheKey key, CancellationToken cancellationToken);
}
