using System.Text.Json;
using Bilingual.Tests.Support;
using Bilingual.Worker;

namespace Bilingual.Tests.EndToEnd;

/// <summary>A translate job in its own folders (input, output, cache), run in-process through the real host.</summary>
internal sealed class TranslateJob : IDisposable
{
    public TranslateJob()
    {
        Root = Directory.CreateTempSubdirectory("bilingual-e2e-").FullName;
        Directory.CreateDirectory(Input);
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "in");

    public string Output => Path.Combine(Root, "out");

    public string CachePath => Path.Combine(Root, "cache", "translations.db");

    public static string SeedPath => Path.Combine(TestPaths.RepositoryRoot, "seeds", "000_e36221037867b85e.txt");

    public const string SeedName = "000_e36221037867b85e";

    public string AddSeed()
    {
        var path = Path.Combine(Input, SeedName + ".txt");
        File.Copy(SeedPath, path, overwrite: true);
        return path;
    }

    public string Add(string name, string text)
    {
        var path = Path.Combine(Input, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Add(string name, byte[] bytes)
    {
        var path = Path.Combine(Input, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<int> RunAsync(IReadOnlyDictionary<string, string?>? settings = null, TextWriter? error = null)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Pipeline:InputDirectory"] = Input,
            ["Pipeline:OutputDirectory"] = Output,
            ["Cache:Path"] = CachePath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        return BilingualCommandLine.RunTranslateJobAsync(overrides, watch: false, verbose: false, error ?? Console.Error, CancellationToken.None);
    }

    public JsonElement RunReport()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "run.json")));
        return json.RootElement.Clone();
    }

    public string OutputFile(string name) => Path.Combine(Output, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Skips (or, under CI, fails) when the FreeDict dictionary the offline backend reads is not installed.</summary>
    public static void RequireOfflineDictionary()
    {
        const string index = "/usr/share/dictd/freedict-nld-eng.index";
        if (File.Exists(index))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{index} is missing; .ci/run installs dict-freedict-nld-eng");
        }

        Skip.If(true, $"needs {index} (Debian package dict-freedict-nld-eng)");
    }
}
