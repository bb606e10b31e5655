using System.Security.Cryptography;
using System.Text;
using Bilingual.Core.Translation;

namespace Bilingual.Core.Translation.Caching;

/// <summary>Remembers every translation so that nothing is paid for twice.</summary>
public interface ITranslationCache
{
    /// <summary>The cached translation for <paramref name="key"/>, or null.</summary>
    ValueTask<TranslatedText?> GetAsync(TranslationCacheKey key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any earlier entry.</summary>
    ValueTask SetAsync(TranslationCacheKey key, TranslatedText value, CancellationToken cancellationToken);
}

/// <summary>
/// Identifies one translation: backend, its version or model, language pair, output-changing options
/// and the exact source text.
/// </summary>
public sealed record TranslationCacheKey(
    string Backend,
    string Version,
    string OptionsFingerprint,
    string From,
    string To,
    string SourceText)
{
    /// <summary>Builds the key for <paramref name="sourceText"/> sent to the backend <paramref name="descriptor"/> describes.</summary>
    public static TranslationCacheKey For(TranslatorDescriptor descriptor, string from, string to, string sourceText)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new(descriptor.Name, descriptor.Version, descriptor.OptionsFingerprint, from, to, sourceText);
    }

    /// <summary>A SHA-256 digest of every field, lower-case hex: the primary key of the persistent store.</summary>
    public string Digest()
    {
        // Unit separators keep ("ab","c") and ("a","bc") apart.
        var joined = string.Join('\u001f', Backend, Version, OptionsFingerprint, From, To, SourceText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }
}
