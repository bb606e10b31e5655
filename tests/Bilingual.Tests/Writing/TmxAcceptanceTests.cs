using System.Text.Json;
using Bilingual.Core.Documents;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Writing;

/// <summary>
/// The TMX's acceptance checks, by the tools that will read it: xmllint against the LISA TMX 1.4 DTD,
/// translate-toolkit's TMX store, and OmegaT 3.6 using it as a project memory.
/// </summary>
public sealed class TmxAcceptanceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // translate-toolkit's own TMX store, as `pot2po`/`tmserver` use it (python3-translate 3.8 on Debian).
    private const string TranslateToolkitScript = """
        store = tmx.tmxfile.parsefile(sys.argv[1])
        print(json.dumps([{"id": u.getid(), "source": u.source, "target": u.target} for u in store.units]))
        """;

    private readonly TemporaryDirectory _directory = new();

    public static TheoryData<string> Documents => ["belarus", "belarus-edition", "belarus-gloss", "belarus-reviewed-gloss", "hostile"];

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task Xmllint_TmxAgainstTheTmx14Dtd_IsValidWithoutAnyMessage(string name)
    {
        var dtd = TestPaths.RequireShared("data", "tmx", "tmx14.dtd");
        var xmllint = TestPaths.RequireTool("xmllint", "libxml2-utils");
        var path = await WriteAsync(Document(name));
        var result = await ExternalProgram.RunAsync(
            xmllint, ["--noout", "--nonet", "--dtdvalid", dtd, path], Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Length == 0, result.ToString());
    }

    [SkippableFact]
    public async Task TranslateToolkit_Sample_ReadsEverySourceWithItsTarget()
    {
        var document = SampleDocuments.Belarus();

        var units = await ReadWithTranslateToolkitAsync(await WriteAsync(document));

        var expected = document.Paragraphs
            .SelectMany(p => p.Beads.Select((b, i) => (
                Id: $"{document.Name}-p{p.Index}-b{i}",
                Source: p.SourceSegments[b.Source[0]].Text,
                Target: p.TargetSegments[b.Target[0]].Text)))
            .ToList();
        Assert.Equal(29, units.Count);
        Assert.Equal(expected, units);
    }

    [SkippableFact]
    public async Task TranslateToolkit_Hostile_ReadsTheTextVerbatimWithIllegalCharactersGone()
    {
        var units = await ReadWithTranslateToolkitAsync(await WriteAsync(SampleDocuments.Hostile()));

        Assert.Equal(SampleDocuments.HostileExpected, units.Select(u => (u.Source, u.Target)));
    }

    /// <summary>
    /// The seed article as OmegaT gets it from a client: paragraphs separated by blank lines, the metadata on a
    /// line of its own. OmegaT 3.6's Dutch rules hold <c>\sal\.</c> for an abbreviation (defaultRules.srx), so it
    /// keeps "Zo’n verbond bestaat al. Dat is de Euraziatische Unie, …" as one segment, which no sentence
    /// unit matches exactly; every other sentence must come out in English.
    /// </summary>
    [SkippableFact]
    public async Task OmegaT_SeedArticle_TranslatesEverySentenceItSegmentsLikeTheMemory()
    {
        var seed = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "seeds", $"{SampleDocuments.BelarusName}.txt"));
        var article = "date 2023-04\n\n" + seed.TrimStart().Substring("date 2023-04".Length).TrimStart();

        var translated = await TranslateWithOmegaTAsync(article);

        var merged = new[] { "Zo’n verbond bestaat al.", "Dat is de Euraziatische Unie, waar naast Belarus ook Kazachstan, Armenië en Kirgizië lid van zijn." };
        var english = SampleDocuments.Belarus().Paragraphs.SelectMany(p => p.Beads.Select(b => (
            Source: p.SourceSegments[b.Source[0]].Text,
            Target: p.TargetSegments[b.Target[0]].Text))).ToList();
        Assert.StartsWith("date 2023-04\n\nNo foreign leader", translated, StringComparison.Ordinal);
        Assert.All(english.Where(e => !merged.Contains(e.Source)), e => Assert.Contains(e.Target, translated, StringComparison.Ordinal));
        Assert.All(merged, dutch => Assert.Contains(dutch, translated, StringComparison.Ordinal));
        Assert.Equal(27, english.Count(e => translated.Contains(e.Target, StringComparison.Ordinal)));
    }

    /// <summary>With one sentence a paragraph OmegaT cannot merge sentences, so all 29 units must match.</summary>
    [SkippableFact]
    public async Task OmegaT_OneSentenceAParagraph_TranslatesAll29Sentences()
    {
        var document = SampleDocuments.Belarus();
        var article = string.Join("\n\n", document.Paragraphs.SelectMany(p => p.SourceSegments).Select(s => s.Text)) + "\n";

        var translated = await TranslateWithOmegaTAsync(article);

        var expected = string.Join("\n\n", document.Paragraphs.SelectMany(p => p.TargetSegments).Select(s => s.Text)) + "\n";
        Assert.Equal(expected, translated.ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// The offline backend's gloss as the project memory: before, OmegaT filled 27 of the 29 sentences with gloss from
    /// it; a gloss's TMX now holds no unit a reviewer did not confirm, so OmegaT leaves the article as it was.
    /// </summary>
    [SkippableFact]
    public async Task OmegaT_GlossTmx_FillsNoSegment()
    {
        var article = string.Join("\n\n", SampleDocuments.Belarus().Paragraphs.Select(p => string.Join(' ', p.SourceSegments.Select(s => s.Text)))) + "\n";

        var translated = await TranslateWithOmegaTAsync(article, Document("belarus-gloss"));

        Assert.Equal(article, translated.ReplaceLineEndings("\n"));
    }

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static BilingualDocument Document(string name) => name switch
    {
        "belarus" => SampleDocuments.Belarus(),
        "belarus-edition" => SampleDocuments.BelarusEdition(),
        "belarus-reviewed-gloss" => SampleDocuments.WithReview(
            SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict", IsGloss: true) },
            4, 2, new ReviewMark("corrected", "editor <ed@example.org>", SampleDocuments.CreatedAt.AddHours(3), "Check \"1 juli\" & date")),
        "belarus-gloss" => SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict", IsGloss: true) },
        "hostile" => SampleDocuments.Hostile(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private Task<string> WriteAsync(BilingualDocument document) =>
        new TmxWriter().WriteAsync(document, _directory.Path, CancellationToken.None);

    private static async Task<List<(string Id, string Source, string Target)>> ReadWithTranslateToolkitAsync(string path)
    {
        using var json = await TranslateToolkit.RunAsync("tmx", TranslateToolkitScript, path);
        return [.. json.RootElement.EnumerateArray().Select(u => (
            u.GetProperty("id").GetString()!,
            u.GetProperty("source").GetString()!,
            u.GetProperty("target").GetString()!))];
    }

    private async Task<string> TranslateWithOmegaTAsync(string article, BilingualDocument? memory = null)
    {
        var script = TestPaths.RequireShared("tools", "omegat-translate.sh");
        TestPaths.RequireTool("java", "omegat");
        Skip.IfNot(File.Exists("/usr/share/omegat/OmegaT.jar") || TestPaths.IsCi, "needs /usr/share/omegat/OmegaT.jar (Debian package omegat)");
        var tmx = await WriteAsync(memory ?? SampleDocuments.Belarus());
        var source = Path.Combine(_directory.Path, "article.txt");
        await File.WriteAllTextAsync(source, article);

        var result = await ExternalProgram.RunAsync("bash", [script, tmx, source, Path.Combine(_directory.Path, "omegat")], Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning", result.StandardError, StringComparison.OrdinalIgnoreCase);
        return await File.ReadAllTextAsync(result.StandardOutput.Trim());
    }
}
