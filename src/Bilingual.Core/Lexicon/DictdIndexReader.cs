using System.Globalization;

namespace Bilingual.Core.Lexicon;

/// <summary>One line of a dictd index: a headword and where its entry lies in the <c>.dict</c> data.</summary>
/// <param name="Headword">The headword as the index spells it (FreeDict lowercases it).</param>
/// <param name="Offset">Byte offset of the entry in the uncompressed data.</param>
/// <param name="Length">Byte length of the entry.</param>
internal readonly record struct DictdIndexEntry(string Headword, long Offset, int Length);

/// <summary>Reads dictd <c>.index</c> files (dictd(8), "Index file format").</summary>
internal static class DictdIndexReader
{
    // dictd's own base64 digits, most significant first (dictd/dictzip b64_encode).
    private const string Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Decodes one dictd base64 number such as <c>R0l</c>.</summary>
    /// <exception cref="FormatException">A character outside the alphabet, or an empty or overlong number.</exception>
    public static long DecodeNumber(ReadOnlySpan<char> digits)
    {
        // 10 digits = 60 bits: more cannot be a file offset.
        if (digits.IsEmpty || digits.Length > 10)
        {
            throw new FormatException($"'{digits}' is not a dictd base64 number.");
        }

        long value = 0;
        foreach (var digit in digits)
        {
            var index = Digits.IndexOf(digit, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new FormatException($"'{digits}' is not a dictd base64 number: '{digit}' is outside its alphabet.");
            }

            value = (value * 64) + index;
        }

        return value;
    }

    /// <summary>Parses one index line; null for a blank or malformed line (dictd skips those too).</summary>
    public static DictdIndexEntry? ParseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.TrimEnd('\r').Split('\t');
        if (parts.Length < 3 || parts[0].Trim().Length == 0)
        {
            return null;
        }

        try
        {
            var length = DecodeNumber(parts[2]);
            return length > int.MaxValue ? null : new DictdIndexEntry(parts[0].Trim(), DecodeNumber(parts[1]), (int)length);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Reads every well-formed line of an index file.</summary>
    public static IReadOnlyList<DictdIndexEntry> Read(string path)
    {
        var entries = new List<DictdIndexEntry>();
        foreach (var line in File.ReadLines(path))
        {
            if (ParseLine(line) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Encodes a number in dictd base64, for writing small test dictionaries.</summary>
    public static string EncodeNumber(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return "A";
        }

        var digits = new List<char>();
        for (; value > 0; value /= 64)
        {
            digits.Add(Digits[(int)(value % 64)]);
        }

        digits.Reverse();
        return new string([.. digits]);
    }

    /// <summary>Formats an index line.</summary>
    public static string FormatLine(string headword, long offset, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"{headword}\t{EncodeNumber(offset)}\t{EncodeNumber(length)}");
}
