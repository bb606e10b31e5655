using System.Security.Cryptography;
using System.Text;

namespace Bilingual.Core.Translation;

/// <summary>The digest every backend puts in <see cref="TranslatorDescriptor.OptionsFingerprint"/>.</summary>
internal static class OptionsFingerprint
{
    /// <summary>
    /// A short (16 hex digits), stable digest of the output-changing <paramref name="parts"/> and the
    /// <paramref name="glossary"/>; the same terms in any order give the same fingerprint.
    /// </summary>
    public static string Compute(IEnumerable<string?> parts, IReadOnlyDictionary<string, string> glossary)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(glossary);
        // Unit and record separators keep ("ab", "c") and ("a", "bc") apart.
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part).Append('\u001f');
        }

        foreach (var (term, translation) in glossary.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(term).Append('\u001e').Append(translation).Append('\u001f');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
