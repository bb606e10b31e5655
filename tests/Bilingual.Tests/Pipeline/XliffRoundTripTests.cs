using System.Xml.Linq;
using Bilingual.Core.Documents;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Review;
using Bilingual.Core.Writing;
using Bilingual.Tests.Support;
using Bilingual.Tests.Writing;

namespace Bilingual.Tests.Pipeline;

/// <summary>
/// The XLIFF round trip through OmegaT 3.6: the file opened as a source file in a headless project
/// (<c>.ci/omegat-xliff.sh</c>), translated, and its translated XLIFF taken back by <c>review apply</c>'s reader.
/// </summary>
public sealed class XliffRoundTripTests : IDisposable
{
    private static readonly XNamespace X = XliffWriter.Namespace;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// A gloss's XLIFF with a memory of the reference translation: OmegaT segments by our <c>mrk</c>s and fills all 29
    /// from the memory, the file stays valid, and since OmegaT leaves <c>state</c> alone the units stay
    /// <c>needs-translation</c>, so <c>review apply</c> confirms none of it.
    /// </summary>
    [SkippableFact]
    public async Task OmegaT_GlossXliffWithTheReferenceMemory_FillsEverySegmentFromTheMemoryAndNoneIsConfirmed()
    {
        var reference = SampleDocuments.Belarus();
        var gloss = Glossed(reference);
        var memory = await new TmxWriter().WriteAsync(reference, _directory.Path, CancellationToken.None);

        var translated = await TranslateWithOmegaTAsync(gloss, memory);

        await XliffTools.AssertValidAsync(translated);
        var xliff = XDocument.Load(translated, LoadOptions.PreserveWhitespace);
        var targets = xliff.Descendants(X + "trans-unit").Elements(X + "target").Elements(X + "mrk").Select(m => m.Value).ToList();
        Assert.Equal(reference.Paragraphs.SelectMany(p => p.TargetSegments).Select(s => s.Text), targets);
        Assert.All(targets, t => Assert.DoesNotContain("gloss", t, StringComparison.Ordinal));
        var units = await XliffTools.ReadWithTranslateToolkitAsync(translated);
        Assert.Equal(12, units.Count);
        Assert.All(units, u => Assert.Equal("needs-translation", u.State));
        Assert.Empty(await ReviewChangesReader.ReadAsync(translated, "anna", CancellationToken.None));
    }

    /// <summary>Given only our gloss outputs (its XLIFF, its TMX as the project memory), OmegaT fills no segment with gloss.</summary>
    [SkippableFact]
    public async Task OmegaT_GlossXliffWithTheGlossTmx_FillsNoSegment()
    {
        var gloss = Glossed(SampleDocuments.Belarus());
        var memory = await new TmxWriter().WriteAsync(gloss, Path.Combine(_directory.Path, "memory"), CancellationToken.None);

        var translated = await TranslateWithOmegaTAsync(gloss, memory);

        var xliff = XDocument.Load(translated, LoadOptions.PreserveWhitespace);
        Assert.All(xliff.Descendants(X + "trans-unit"), u => Assert.Equal(
            u.Element(X + "seg-source")!.Elements(X + "mrk").Select(m => m.Value),
            u.Element(X + "target")!.Elements(X + "mrk").Select(m => m.Value)));
        Assert.All(xliff.Descendants(X + "trans-unit").Elements(X + "target"), t => Assert.DoesNotContain("gloss", t.Value, StringComparison.Ordinal));
    }

    /// <summary>
    /// Units a reviewer signed off come back through OmegaT as they went (OmegaT keeps targets it has no match for),
    /// and <c>review apply</c> accepts exactly those; the machine translation still waiting for review is left out.
    /// </summary>
    [SkippableFact]
    public async Task OmegaT_SignedOffUnits_ComeBackAcceptedAndTheRestStayUnconfirmed()
    {
        var document = SampleDocuments.Belarus();
        foreach (var bead in new[] { 0, 1 })
        {
            document = SampleDocuments.WithReview(document, 2, bead, new ReviewMark("accepted", "anna", SampleDocuments.CreatedAt.AddDays(1)));
        }

        var translated = await TranslateWithOmegaTAsync(document, null);

        await XliffTools.AssertValidAsync(translated);
        var corrections = await ReviewChangesReader.ReadAsync(translated, "anna", CancellationToken.None);
        var paragraph = document.Paragraphs[2];
        Assert.Equal(paragraph.SourceSegments.Select(s => s.Text), corrections.Select(c => c.SourceText));
        Assert.Equal(paragraph.TargetSegments.Select(s => s.Text), corrections.Select(c => c.TargetText));
        Assert.All(corrections, c => Assert.Equal(ReviewStatus.Accepted, c.Status));
    }

    /// <summary>The sample with every target sentence replaced by a recognisable gloss, as the offline backend marks it.</summary>
    private static BilingualDocument Glossed(BilingualDocument document) => document with
    {
        Provenance = new Provenance("offline", "freedict", IsGloss: true),
        Paragraphs = [.. document.Paragraphs.Select(p => p with
        {
            TargetSegments = [.. p.TargetSegments.Select(s => s with { Text = $"gloss {p.Index}.{s.Index} {s.Text.ToUpperInvariant()}" })],
        })],
    };

    private async Task<string> TranslateWithOmegaTAsync(BilingualDocument document, string? memory)
    {
        TestPaths.RequireTool("java", "omegat");
        Skip.IfNot(File.Exists("/usr/share/omegat/OmegaT.jar") || TestPaths.IsCi, "needs /usr/share/omegat/OmegaT.jar (Debian package omegat)");
        var xliff = await new XliffWriter().WriteAsync(document, _directory.Path, CancellationToken.None);
        var script = Path.Combine(TestPaths.RepositoryRoot, ".ci", "omegat-xliff.sh");

        var result = await ExternalProgram.RunAsync("bash", [script, xliff, memory ?? "-", Path.Combine(_directory.Path, "omegat")], Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput.Trim();
    }
}
