namespace Bilingual.Core.Text;

/// <summary>
/// The one reading of language tags (BCP 47: RFC 5646 tags, RFC 4647 matching) for every stage, format and
/// backend. Tags compare case-insensitively, and <c>_</c> (POSIX locales, Java, some TMX tools: <c>nl_BE</c>)
/// is read as the separator <c>-</c>. The tag is not checked against the IANA registry.
/// </summary>
internal static class LanguageTag
{
    /// <summary>
    /// The tag in BCP 47's case conventions (RFC 5646 §2.1.1), trimmed and with <c>-</c> separators: the
    /// language lower case, a four-letter script title case, a two-letter region upper case, everything else
    /// lower case, and after a singleton (<c>x-</c>, <c>u-</c>) everything lower case:
    /// <c>EN_gb</c> → <c>en-GB</c>, <c>zh-hans-cn</c> → <c>zh-Hans-CN</c>, <c>NL</c> → <c>nl</c>.
    /// </summary>
    public static string Normalize(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var subtags = tag.Trim().Split('-', '_');
        var afterSingleton = false;
        for (var i = 0; i < subtags.Length; i++)
        {
            var subtag = subtags[i].ToLowerInvariant();
            // RFC 5646 §2.1.1: only subtags that neither start the tag nor follow a singleton are upper or title case.
            if (i > 0 && !afterSingleton && subtag.Length == 2)
            {
                subtag = subtag.ToUpperInvariant();
            }
            else if (i > 0 && !afterSingleton && subtag.Length == 4 && char.IsAsciiLetter(subtag[0]))
            {
                subtag = char.ToUpperInvariant(subtag[0]) + subtag[1..];
            }

            afterSingleton |= subtag.Length == 1;
            subtags[i] = subtag;
        }

        return string.Join('-', subtags);
    }

    /// <summary>The primary language subtag, lower case: <c>nl</c> for <c>nl-BE</c>, <c>NL_nl</c> or <c>nl</c>.</summary>
    public static string PrimaryLanguage(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var span = tag.AsSpan().Trim();
        var end = span.IndexOfAny('-', '_');
        return (end < 0 ? span : span[..end]).ToString().ToLowerInvariant();
    }

    /// <summary>
    /// Whether <paramref name="tag"/> falls under the language range <paramref name="range"/> (RFC 4647 §3.3.1
    /// basic filtering): the range is the tag or a prefix of it ending at a subtag boundary, ignoring case;
    /// <c>*</c> matches every tag. <c>nl</c> matches <c>nl</c>, <c>nl-BE</c> and <c>NL_be</c>, not <c>nld</c>;
    /// <c>nl-BE</c> does not match <c>nl</c>.
    /// </summary>
    public static bool Matches(string range, string tag)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(tag);
        var normalisedRange = Normalize(range);
        if (normalisedRange == "*")
        {
            return true;
        }

        var normalisedTag = Normalize(tag);
        return normalisedTag.StartsWith(normalisedRange, StringComparison.OrdinalIgnoreCase)
            && (normalisedTag.Length == normalisedRange.Length || normalisedTag[normalisedRange.Length] == '-');
    }

    /// <summary>Whether two tags are the same tag, ignoring case and the separator: <c>en-GB</c>, <c>EN-gb</c>, <c>en_GB</c>.</summary>
    public static bool AreSame(string? first, string? second) =>
        first is null || second is null ? first == second : string.Equals(Normalize(first), Normalize(second), StringComparison.Ordinal);
}
