using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Offline;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Translation.Offline;

/// <summary>The installed FreeDict dictionary, for the tests that need the real thing.</summary>
internal static class OfflineDictionary
{
    public const string IndexPath = "/usr/share/dictd/freedict-nld-eng.index";
    public const string DictionaryPath = "/usr/share/dictd/freedict-nld-eng.dict.dz";

    /// <summary>The glossary the project's appsettings.json ships.</summary>
    public static Dictionary<string, string> NewsGlossary() => new(StringComparer.Ordinal)
    {
        ["Poetin"] = "Putin",
        ["Loekasjenko"] = "Lukashenko",
        ["Kiev"] = "Kyiv",
        ["Navo"] = "NATO",
        ["Oekraïne"] = "Ukraine",
    };

    /// <summary>
    /// Skips the test when the dictionary is absent (Debian package dict-freedict-nld-eng), except under
    /// CI=true, where it fails: CI installs the package.
    /// </summary>
    public static void Require()
    {
        if (File.Exists(IndexPath) && File.Exists(DictionaryPath))
        {
            return;
        }

        var message = $"needs {IndexPath} and {DictionaryPath} (Debian package dict-freedict-nld-eng)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + "; CI should have installed it");
        }

        Skip.If(true, message);
    }

    /// <summary>The translator over the installed dictionary, with <paramref name="glossary"/> (default: the news glossary).</summary>
    public static OfflineDictionaryTranslator CreateTranslator(Dictionary<string, string>? glossary = null)
    {
        Require();
        return Create(IndexPath, DictionaryPath, glossary ?? NewsGlossary());
    }

    /// <summary>A translator over any dictd files.</summary>
    public static OfflineDictionaryTranslator Create(string indexPath, string dictionaryPath, Dictionary<string, string>? glossary = null) =>
        new(
            Options.Create(new OfflineTranslatorOptions { IndexPath = indexPath, DictionaryPath = dictionaryPath }),
            Options.Create(new TranslationOptions { Glossary = glossary ?? new(StringComparer.Ordinal) }));

    private static readonly Lazy<OfflineDictionaryTranslator> Shared = new(() => Create(IndexPath, DictionaryPath, NewsGlossary()));

    /// <summary>One glosser over the installed dictionary with the news glossary, shared by the tests (loading takes a moment).</summary>
    public static DictionaryGlosser Glosser
    {
        get
        {
            Require();
            return Shared.Value.Glosser;
        }
    }

    /// <summary>The seed article's paragraphs: blank-line separated, the leading "date 2023-04" token dropped.</summary>
    public static IReadOnlyList<string> SeedParagraphs()
    {
        var path = Path.Combine(Bilingual.Tests.Support.TestPaths.RepositoryRoot, "seeds", "000_e36221037867b85e.txt");
        var text = File.ReadAllText(path).Replace("\r", "", StringComparison.Ordinal).Trim();
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        paragraphs[0] = System.Text.RegularExpressions.Regex.Replace(paragraphs[0], @"^date \S+\s+", "");
        return paragraphs;
    }
}
