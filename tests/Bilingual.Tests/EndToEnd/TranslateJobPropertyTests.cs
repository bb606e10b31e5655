using System.Text.Json;
using System.Xml.Linq;
using Bilingual.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Bilingual.Tests.EndToEnd;

/// <summary>
/// Issue 16: the whole offline translate job over folders of random article bytes never hangs, never exits 0 with an
/// output missing, and never leaves half a file. Few and small examples: each is a whole run of the job.
/// </summary>
public sealed class TranslateJobPropertyTests
{
    // Far above a run's seconds on a busy machine: running into it is a hang, and fails the property.
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private static readonly string[] OutputSuffixes = [".en.txt", ".html", ".tmx", ".xlf"];

    [SkippableFact]
    public void Run_RandomArticleFolders_NeverHangNeverExitZeroWithOutputsMissingNeverLeaveHalfAFile()
    {
        TranslateJob.RequireOfflineDictionary();

        // Task.Run: each example's run goes on the thread pool while FsCheck waits for its result.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4), Prop.ForAll(ArticleArbitraries.Folder(), folder => Task.Run(() => RunAndCheckAsync(folder))));
    }

    private static async Task<bool> RunAndCheckAsync(ArticleBytes[] folder)
    {
        using var job = new TranslateJob();
        for (var i = 0; i < folder.Length; i++)
        {
            job.Add($"a{i}.txt", folder[i].Bytes);
        }

        using var error = new StringWriter();
        var exitCode = await job.RunAsync(error: error).WaitAsync(Bound);

        Assert.True(exitCode is 0 or 1, $"exit code {exitCode}: {error}");
        var report = job.RunReport();
        var articles = report.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(folder.Length, articles.Count);
        var expected = new HashSet<string>(StringComparer.Ordinal) { "run.json" };
        foreach (var article in articles)
        {
            var name = article.GetProperty("name").GetString()!;
            if (article.GetProperty("status").GetString() == "translated")
            {
                foreach (var suffix in OutputSuffixes)
                {
                    expected.Add(name + suffix);
                    AssertComplete(job.OutputFile(name + suffix));
                }
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(article.GetProperty("error").GetString()));
            }
        }

        // Exit 0 exactly when every article was written; nothing else (no temporary file, no stray output) is left.
        Assert.Equal(articles.All(a => a.GetProperty("status").GetString() == "translated"), exitCode == 0);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(job.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        return true;
    }

    /// <summary>A whole file: the TMX and the XLIFF parse as XML, the page ends its document, the edition is not empty.</summary>
    private static void AssertComplete(string path)
    {
        Assert.True(File.Exists(path), $"{path} is listed but missing");
        var text = File.ReadAllText(path);
        switch (Path.GetExtension(path))
        {
            case ".tmx":
                Assert.Equal("tmx", XDocument.Parse(text).Root!.Name.LocalName);
                break;
            case ".xlf":
                Assert.Equal("xliff", XDocument.Parse(text).Root!.Name.LocalName);
                break;
            case ".html":
                Assert.EndsWith("</html>", text.TrimEnd(), StringComparison.Ordinal);
                break;
            default:
                Assert.False(string.IsNullOrWhiteSpace(text), $"{path} is empty");
                break;
        }
    }
}
