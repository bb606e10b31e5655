using Bilingual.Core;

namespace Bilingual.Tests.Architecture;

/// <summary>
/// Core's folders point one way, as the README's Orientation draws them: a folder uses only folders of the
/// layers below its own. The edges are read from the compiled code, not listed by hand.
/// </summary>
public sealed class LayerTests
{
    /// <summary>Core's layers, lowest first; folders in one layer may not use each other.</summary>
    internal static readonly IReadOnlyList<IReadOnlyList<string>> CoreLayers =
    [
        ["Documents", "Validation"],
        ["Text"],
        ["Lexicon"],
        ["Reading", "Segmentation"],
        ["Alignment", "Translation"],
        ["Review"],
        ["Writing"],
        ["Pipeline"],
        ["Jobs"],
        [FolderGraph.Root],
    ];

    private static readonly Lazy<FolderGraph> Core = new(() => FolderGraph.Read(typeof(BilingualServiceCollectionExtensions).Assembly, "Bilingual.Core"));

    [Fact]
    public void Core_EveryFolder_UsesOnlyLowerLayers()
    {
        var backEdges = Core.Value.BackEdges(CoreLayers);

        Assert.True(backEdges.Count == 0, "Core uses folders against its layers:\n" + string.Join("\n", backEdges));
    }

    [Fact]
    public void Core_Folders_HaveNoCycle()
    {
        var cycles = Core.Value.Cycles();

        Assert.True(cycles.Count == 0, "Core's folders use each other in circles:\n" + string.Join("\n", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void Core_EveryFolder_HasALayer()
    {
        var placed = CoreLayers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var unplaced = Core.Value.Folders.Where(f => !placed.Contains(f)).ToList();

        Assert.True(unplaced.Count == 0, "Core folders with no layer (add them to CoreLayers and the README): " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Core_Graph_SeesTheEdgesItIsBuiltOn()
    {
        // A reader that found no edges would pass every test above: the pipeline must be seen using the stages.
        var edges = Core.Value.Edges.Select(e => (e.From, e.To)).ToList();

        Assert.Contains(("Pipeline", "Translation"), edges);
        Assert.Contains(("Pipeline", "Writing"), edges);
        Assert.Contains(("Alignment", "Documents"), edges);
    }

    [Fact]
    public void BackEdges_CacheAndTranslationUsingEachOther_ReportsTheEdgeAndTheCycle()
    {
        // The fixture reproduces the Caching <-> Translation circle Core once had, with a lambda and a field as the only uses.
        var graph = FolderGraph.Read(typeof(LayerTests).Assembly, "Bilingual.Tests.Architecture.Fixture");

        var backEdges = graph.BackEdges([["Caching"], ["Translation"]]);
        var cycles = graph.Cycles();

        var edge = Assert.Single(backEdges);
        Assert.Equal(("Caching", "Translation"), (edge.From, edge.To));
        Assert.Equal(["Caching", "Translation", "Caching"], Assert.Single(cycles));
    }

    [Fact]
    public void CoreAndWorker_PrivateInstanceFields_AreUnderscoreCamelCase()
    {
        // One naming convention for fields (the .NET runtime's): compiler-made fields (backing fields, captured
        // parameters, closures) are left out by their unspeakable names, generated JSON contexts by their base type.
        var wrong = new[] { typeof(BilingualServiceCollectionExtensions).Assembly, typeof(Bilingual.Worker.ExitCodes).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.StartsWith("Bilingual.", StringComparison.Ordinal) == true && !t.Name.Contains('<', StringComparison.Ordinal)
                && !typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(t))
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(f => f.IsPrivate && !f.Name.Contains('<', StringComparison.Ordinal)
                    && !(f.Name.Length > 1 && f.Name[0] == '_' && char.IsLower(f.Name[1])))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();

        Assert.True(wrong.Count == 0, "private fields not named _camelCase:\n" + string.Join("\n", wrong));
    }
}
