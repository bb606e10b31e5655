using System.Reflection;
using System.Text;
using System.Xml;
using Bilingual.Core.Documents;

namespace Bilingual.Core.Writing;

/// <summary>The helpers of the XML writers (TMX, XLIFF): their writer settings, this assembly's version, a bead's text.</summary>
internal static class XmlOutput
{
    /// <summary>
    /// UTF-8 without a BOM, <c>\n</c> line ends, carriage returns inside text kept as <c>&amp;#xD;</c> instead of
    /// normalised away; <paramref name="indent"/> turns the writer's own two-space indentation on.
    /// </summary>
    public static XmlWriterSettings Settings(bool indent) => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = indent,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        // Every string is cleaned by TmxText.Clean first; the writer need not check again.
        CheckCharacters = false,
    };

    /// <summary>The informational version of this assembly (else its version), as the files state their creating tool.</summary>
    public static string ToolVersion()
    {
        var assembly = typeof(XmlOutput).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0";
    }

    /// <summary>The sentences <paramref name="indices"/> of <paramref name="segments"/>, cleaned and joined by single spaces.</summary>
    /// <exception cref="ArgumentException">A bead points past the paragraph's sentences.</exception>
    public static string BeadText(IReadOnlyList<Segment> segments, IReadOnlyList<int> indices, int paragraph, string side)
    {
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)segments.Count)
            {
                throw new ArgumentException(
                    $"Paragraph {paragraph} has a bead pointing at {side} sentence {index}, but only {segments.Count} exist.");
            }
        }

        return TmxText.JoinSentences(indices.Select(i => segments[i].Text));
    }
}
