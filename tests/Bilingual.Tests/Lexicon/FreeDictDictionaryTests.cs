using System.IO.Compression;
using System.Text;
using Bilingual.Core.Translation;
using Bilingual.Core.Lexicon;

namespace Bilingual.Tests.Lexicon;

public sealed class FreeDictDictionaryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bilingual-dictd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_PlainOrGzipData_FindsEntriesByAnyCase(bool compressed)
    {
        var (index, data) = SmallDictionary.Write(_directory, compressed);

        var dictionary = FreeDictDictionary.Load(index, data);

        Assert.Equal(4, dictionary.Count);
        Assert.Equal("war", Assert.Single(dictionary.Lookup("Oorlog")).Senses[0][0]);
        Assert.Equal(2, dictionary.Lookup("kern").Count);
        Assert.Contains("weapon", (IReadOnlySet<string>)dictionary.EnglishWords);
    }

    [Fact]
    public void Load_LigatureHeadword_FoundWithIj()
    {
        var (index, data) = SmallDictionary.Write(_directory, compressed: false);

        var dictionary = FreeDictDictionary.Load(index, data);

        Assert.True(dictionary.Contains("zijn"));
    }

    [Fact]
    public void Load_IndexPointingPastTheData_SkipsTheLine()
    {
        var (index, data) = SmallDictionary.Write(_directory, compressed: false);
        File.AppendAllText(index, DictdIndexReader.FormatLine("spook", 1_000_000, 10) + "\n");

        var dictionary = FreeDictDictionary.Load(index, data);

        Assert.Empty(dictionary.Lookup("spook"));
    }

    [Fact]
    public void Load_MissingIndex_MessageNamesPathAndPackage()
    {
        var missing = Path.Combine(_directory, "nowhere.index");

        var exception = Assert.Throws<LexiconUnavailableException>(() => FreeDictDictionary.Load(missing, missing));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dict-freedict-nld-eng", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Translation:Offline:IndexPath", exception.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(exception.InnerException);
    }

    [Fact]
    public void Load_MissingData_MessageNamesTheDataPath()
    {
        var (index, _) = SmallDictionary.Write(_directory, compressed: false);
        var missing = Path.Combine(_directory, "nowhere.dict.dz");

        var exception = Assert.Throws<LexiconUnavailableException>(() => FreeDictDictionary.Load(index, missing));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Translation:Offline:DictionaryPath", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptGzip_LexiconUnavailable()
    {
        var (index, _) = SmallDictionary.Write(_directory, compressed: false);
        var corrupt = Path.Combine(_directory, "corrupt.dict.dz");
        File.WriteAllBytes(corrupt, [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);

        var exception = Assert.Throws<LexiconUnavailableException>(() => FreeDictDictionary.Load(index, corrupt));

        Assert.Contains(corrupt, exception.Message, StringComparison.Ordinal);
    }
}

/// <summary>A four-headword dictd dictionary written the way dictfmt writes FreeDict's.</summary>
internal static class SmallDictionary
{
    public static (string IndexPath, string DictionaryPath) Write(string directory, bool compressed)
    {
        string[] entries =
        [
            "00-database-short\n    Test dictionary\n",
            "kern\u2010 /kˈɛrn/\nnuclear\n",
            "kern /kɛrn/\n1. essence, gist\n2. core, nucleus, kernel, pit\n",
            "oorlog /orlɔx/\nwar\n",
            "wapen /wapən/\n1. weapon\n2. badge, insignia\n",
            "z\u0133n /zˈɪn/\n1. existence\n2. be\n",
        ];
        string[] headwords = ["00databaseshort", "kern", "kern", "oorlog", "wapen", "z\u0133n"];
        var data = new MemoryStream();
        var index = new StringBuilder();
        for (var i = 0; i < entries.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(entries[i]);
            index.Append(DictdIndexReader.FormatLine(headwords[i], data.Length, bytes.Length)).Append('\n');
            data.Write(bytes);
        }

        var indexPath = Path.Combine(directory, "test.index");
        var dictionaryPath = Path.Combine(directory, compressed ? "test.dict.dz" : "test.dict");
        File.WriteAllText(indexPath, index.ToString());
        if (compressed)
        {
            using var file = File.Create(dictionaryPath);
            using var gzip = new GZipStream(file, CompressionLevel.Optimal);
            gzip.Write(data.ToArray());
        }
        else
        {
            File.WriteAllBytes(dictionaryPath, data.ToArray());
        }

        return (indexPath, dictionaryPath);
    }
}
