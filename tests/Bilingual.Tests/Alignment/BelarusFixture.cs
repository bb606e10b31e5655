using Bilingual.Tests.Support;

namespace Bilingual.Tests.Alignment;

/// <summary>The belarus-2023-04 fixture read as paragraphs of sentences (blank lines between paragraphs).</summary>
internal static class BelarusFixture
{
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string file)
    {
        var paragraphs = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in File.ReadAllLines(TestPaths.Fixture("belarus-2023-04", file)).Append(""))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        return paragraphs;
    }

    public static string Path(string file) => TestPaths.Fixture("belarus-2023-04", file);
}
