using System.Reflection;

namespace Bilingual.Tests.Architecture;

/// <summary>One folder using another: the first type found that does it, for the failure message.</summary>
/// <param name="From">The folder that uses.</param>
/// <param name="To">The folder used.</param>
/// <param name="Example">A type of <paramref name="From"/> and the type of <paramref name="To"/> it uses.</param>
internal sealed record FolderEdge(string From, string To, string Example)
{
    public override string ToString() => $"{From} -> {To} ({Example})";
}

/// <summary>
/// Which top-level folders (namespaces) of an assembly use which, read from the compiled code. A folder is
/// the first namespace part below the root (<c>Bilingual.Core.Translation.Azure</c> is <c>Translation</c>);
/// the root namespace itself is <see cref="Root"/>. Uses within one folder are not edges.
/// </summary>
internal sealed class FolderGraph
{
    /// <summary>The name the root namespace's own types go by.</summary>
    public const string Root = "(root)";

    private FolderGraph(IReadOnlyList<string> folders, IReadOnlyList<FolderEdge> edges)
    {
        Folders = folders;
        Edges = edges;
    }

    /// <summary>Every folder that holds a type.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Every edge between two different folders, once.</summary>
    public IReadOnlyList<FolderEdge> Edges { get; }

    /// <summary>Reads the graph of the types of <paramref name="assembly"/> under <paramref name="rootNamespace"/>.</summary>
    public static FolderGraph Read(Assembly assembly, string rootNamespace)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), FolderEdge>();
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type, rootNamespace) is not { } from)
            {
                continue;
            }

            folders.Add(from);
            foreach (var used in TypeReferences.Of(type))
            {
                if (FolderOf(used, rootNamespace) is { } to && to != from && !edges.ContainsKey((from, to)))
                {
                    edges[(from, to)] = new FolderEdge(from, to, $"{Outermost(type).FullName} uses {Outermost(used).FullName}");
                }
            }
        }

        return new FolderGraph([.. folders], [.. edges.Values.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)]);
    }

    /// <summary>Every cycle between folders, each as the folders along it (the first repeated at the end); none when the graph points one way.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = Edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>();
        foreach (var start in Folders)
        {
            // Each cycle is reported from its smallest folder, found by a search that stays above it.
            var path = new List<string> { start };
            Search(start);
            void Search(string folder)
            {
                foreach (var to in next.GetValueOrDefault(folder) ?? [])
                {
                    if (to == start)
                    {
                        var cycle = string.Join(" -> ", path.Append(start));
                        if (seen.Add(cycle))
                        {
                            cycles.Add([.. path, start]);
                        }
                    }
                    else if (string.CompareOrdinal(to, start) > 0 && !path.Contains(to) && path.Count < Folders.Count)
                    {
                        path.Add(to);
                        Search(to);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }

        return cycles;
    }

    /// <summary>The edges that go against <paramref name="layers"/> (lowest first): a folder may use only folders of lower layers.</summary>
    public IReadOnlyList<FolderEdge> BackEdges(IReadOnlyList<IReadOnlyList<string>> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            foreach (var folder in layers[i])
            {
                rank[folder] = i;
            }
        }

        return [.. Edges.Where(e => !rank.TryGetValue(e.From, out var from) || !rank.TryGetValue(e.To, out var to) || to >= from)];
    }

    private static string? FolderOf(Type type, string rootNamespace)
    {
        var name = Outermost(type).Namespace;
        if (name is null || !(name == rootNamespace || name.StartsWith(rootNamespace + ".", StringComparison.Ordinal)))
        {
            return null;
        }

        return name == rootNamespace ? Root : name[(rootNamespace.Length + 1)..].Split('.')[0];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }
}
