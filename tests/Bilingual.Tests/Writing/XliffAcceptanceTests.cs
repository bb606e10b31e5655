using System.Text.Json;
using Bilingual.Core.Documents;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Writing;

/// <summary>
/// The XLIFF's acceptance checks, by the tools that will read it: xmllint against the OASIS XLIFF 1.2 strict
/// schema and translate-toolkit's XLIFF store (the OmegaT round trip is in <c>Pipeline/XliffRoundTripTests</c>).
/// </summary>
public sealed class XliffAcceptanceTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public static TheoryData<string> Documents => ["belarus", "belarus-edition", "belarus-gloss", "belarus-reviewed-flagged", "hostile"];

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task Xmllint_XliffAgainstTheStrictSchema_Validates(string name)
    {
        var path = await new XliffWriter().WriteAsync(Document(name), _directory.Path, CancellationToken.None);

        await XliffTools.AssertValidAsync(path);
    }

    [SkippableFact]
    public async Task TranslateToolkit_Sample_ReadsEveryUnitWithItsTargetAndState()
    {
        var document = SampleDocuments.Belarus();

        var units = await XliffTools.ReadWithTranslateToolkitAsync(await new XliffWriter().WriteAsync(document, _directory.Path, CancellationToken.None));

        Assert.Equal(document.Paragraphs.Select(p => $"p{p.Index}"), units.Select(u => u.Id));
        Assert.Equal(document.Paragraphs.Select(p => string.Join(' ', p.SourceSegments.Select(s => s.Text))), units.Select(u => u.Source));
        Assert.Equal(document.Paragraphs.Select(p => string.Join(' ', p.TargetSegments.Select(s => s.Text))), units.Select(u => u.Target));
        Assert.All(units, u => Assert.Equal("needs-review-translation", u.State));
        Assert.All(units, u => Assert.False(u.Approved));
    }

    [SkippableFact]
    public async Task TranslateToolkit_Gloss_ReadsNoUnitAsTranslated()
    {
        var document = SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict", IsGloss: true) };

        var units = await XliffTools.ReadWithTranslateToolkitAsync(await new XliffWriter().WriteAsync(document, _directory.Path, CancellationToken.None));

        Assert.Equal(12, units.Count);
        Assert.All(units, u => Assert.Equal("needs-translation", u.State));
        Assert.All(units, u => Assert.False(u.Translated));
        Assert.All(units, u => Assert.Equal(u.Source, u.Target));
    }

    [SkippableFact]
    public async Task TranslateToolkit_Hostile_ReadsTheTextVerbatimWithIllegalCharactersGone()
    {
        var units = await XliffTools.ReadWithTranslateToolkitAsync(
            await new XliffWriter().WriteAsync(SampleDocuments.Hostile(), _directory.Path, CancellationToken.None));

        // A unit is a paragraph, so the sentences are compared in reading order.
        Assert.Equal(string.Join(' ', SampleDocuments.HostileExpected.Select(e => e.Source)), string.Join(' ', units.Select(u => u.Source)));
        Assert.Equal(string.Join(' ', SampleDocuments.HostileExpected.Select(e => e.Target)), string.Join(' ', units.Select(u => u.Target)));
    }

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    internal static BilingualDocument Document(string name) => name switch
    {
        "belarus" => SampleDocuments.Belarus(),
        "belarus-edition" => SampleDocuments.BelarusEdition(),
        "belarus-gloss" => SampleDocuments.Belarus() with { Provenance = new Provenance("offline", "freedict", IsGloss: true) },
        "belarus-reviewed-flagged" => Flagged(SampleDocuments.WithReview(
            SampleDocuments.WithReview(SampleDocuments.BelarusEdition(), 4, 0, new ReviewMark("needs-review", "editor <ed@example.org>", SampleDocuments.CreatedAt.AddHours(3), "Check \"1 juli\" & date")),
            0, 0, new ReviewMark("accepted", null, SampleDocuments.CreatedAt.AddHours(2)))),
        "hostile" => SampleDocuments.Hostile(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static BilingualDocument Flagged(BilingualDocument document) => document with
    {
        Paragraphs = [.. document.Paragraphs.Select(p => p with
        {
            Beads = [.. p.Beads.Select(b => b with { Flags = [new QualityFlag(QualityFlagKind.Length, "target <3× & \"long\"", [], [])] })],
        })],
    };
}

/// <summary>xmllint and translate-toolkit on an XLIFF file, for the writer's and the round trip's tests.</summary>
internal static class XliffTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // translate-toolkit's own XLIFF store (python3-translate 3.8 on Debian): every unit, its target and its state.
    private const string TranslateToolkitScript = """
        store = xliff.xlifffile.parsefile(sys.argv[1])
        print(json.dumps([{
            "id": u.getid().split("\x04")[-1], "source": u.source, "target": u.target,
            "state": u.xmlelement.find(u.namespaced("target")).get("state"),
            "approved": u.isapproved(), "translated": u.istranslated(),
        } for u in store.units]))
        """;

    /// <summary>A unit as translate-toolkit reads it.</summary>
    public sealed record Unit(string Id, string Source, string Target, string? State, bool Approved, bool Translated);

    /// <summary>Validates <paramref name="path"/> against the OASIS XLIFF 1.2 strict schema in <c>../shared</c>: exit 0, only "validates" on stderr.</summary>
    public static async Task AssertValidAsync(string path)
    {
        var schema = TestPaths.RequireShared("data", "xliff", "xliff-core-1.2-strict.xsd");
        var xmllint = TestPaths.RequireTool("xmllint", "libxml2-utils");

        var result = await ExternalProgram.RunAsync(xmllint, ["--noout", "--nonet", "--schema", schema, path], Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Trim() == $"{path} validates", result.ToString());
    }

    /// <summary>Every unit of <paramref name="path"/> as translate-toolkit reads it.</summary>
    public static async Task<List<Unit>> ReadWithTranslateToolkitAsync(string path)
    {
        using var json = await TranslateToolkit.RunAsync("xliff", TranslateToolkitScript, path);
        return [.. json.RootElement.EnumerateArray().Select(u => new Unit(
            u.GetProperty("id").GetString()!,
            u.GetProperty("source").GetString()!,
            u.GetProperty("target").GetString()!,
            u.GetProperty("state").GetString(),
            u.GetProperty("approved").GetBoolean(),
            u.GetProperty("translated").GetBoolean()))];
    }
}
