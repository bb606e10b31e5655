using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Bilingual.Core.Lexicon;

/// <summary>
/// A FreeDict dictionary in dictd format, read whole into memory: the index (headwords folded to
/// lower case by FreeDict) and the entries, decompressed in one pass when the data is dictzip.
/// </summary>
internal sealed class FreeDictDictionary
{
    private readonly FrozenDictionary<string, FreeDictEntry[]> _entries;

    private FreeDictDictionary(FrozenDictionary<string, FreeDictEntry[]> entries, FrozenSet<string> englishWords)
    {
        _entries = entries;
        EnglishWords = englishWords;
    }

    /// <summary>Headwords held (distinct lookup keys).</summary>
    public int Count => _entries.Count;

    /// <summary>Every single-word English equivalent, lower case: the vocabulary that splits glued equivalents.</summary>
    public FrozenSet<string> EnglishWords { get; }

    /// <summary>The entries for a word, any case; empty when the dictionary lacks it.</summary>
    public IReadOnlyList<FreeDictEntry> Lookup(string word) =>
        _entries.TryGetValue(Key(word), out var entries) ? entries : [];

    /// <summary>True when the dictionary holds a usable whole-word entry for <paramref name="word"/>.</summary>
    public bool Contains(string word) => Lookup(word).Any(e => !e.IsSuffix && !e.IsFragment && !e.IsPrefix);

    /// <summary>The lookup key: lower case, ligatures and hyphens folded as the index has them.</summary>
    public static string Key(string word) => FreeDictEntry.Normalise(word).ToLower(CultureInfo.InvariantCulture);

    /// <summary>Loads a dictionary.</summary>
    /// <exception cref="LexiconUnavailableException">A file is missing or unreadable; the message names it and says how to install it.</exception>
    public static FreeDictDictionary Load(string indexPath, string dictionaryPath)
    {
        RequireFile(indexPath, "IndexPath");
        RequireFile(dictionaryPath, "DictionaryPath");
        try
        {
            var data = ReadData(dictionaryPath);
            var entries = new Dictionary<string, List<FreeDictEntry>>(StringComparer.Ordinal);
            var english = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in DictdIndexReader.Read(indexPath))
            {
                // dictd's own 00-database-* entries describe the database, not words.
                if (item.Headword.StartsWith("00database", StringComparison.Ordinal) || item.Offset + item.Length > data.Length)
                {
                    continue;
                }

                if (FreeDictEntry.Parse(Encoding.UTF8.GetString(data, (int)item.Offset, item.Length)) is not { } entry)
                {
                    continue;
                }

                var key = Key(item.Headword);
                if (!entries.TryGetValue(key, out var list))
                {
                    entries[key] = list = [];
                }

                list.Add(entry);
                foreach (var equivalent in entry.Senses.SelectMany(s => s))
                {
                    if (!equivalent.Contains(' ', StringComparison.Ordinal))
                    {
                        english.Add(equivalent.ToLowerInvariant());
                    }
                }
            }

            return new FreeDictDictionary(
                entries.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
                english.ToFrozenSet(StringComparer.Ordinal));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new LexiconUnavailableException(
                $"The offline dictionary could not be read from '{indexPath}' and '{dictionaryPath}': {exception.Message}", exception);
        }
    }

    private static void RequireFile(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new LexiconUnavailableException(
                $"The offline dictionary file '{path}' does not exist. Install it with 'apt-get install dict-freedict-nld-eng' "
                + $"or point Translation:Offline:{option} at a FreeDict dictd file.",
                new FileNotFoundException("Dictionary file not found.", path));
        }
    }

    private static byte[] ReadData(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // RFC 1952 §2.3.1: a gzip member starts 1F 8B. dictzip is gzip with a chunk table in FEXTRA,
        // which a sequential reader skips, so the whole file inflates in one pass.
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B)
        {
            return bytes;
        }

        using var input = new MemoryStream(bytes, writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(bytes.Length * 3);
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
