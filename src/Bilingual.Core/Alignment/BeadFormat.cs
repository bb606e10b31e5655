using System.Globalization;
using Bilingual.Core.Documents;

namespace Bilingual.Core.Alignment;

/// <summary>Reads and writes alignments in Vecalign's format: one bead a line, <c>[0, 1]:[0]</c>, <c>[]</c> for an empty side.</summary>
public static class BeadFormat
{
    /// <summary>Parses one line of the format; extra <c>:</c>-separated fields (a cost) are ignored.</summary>
    /// <exception cref="FormatException">The line is not a bead.</exception>
    public static Bead Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(':', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            throw new FormatException($"'{line}' is not a bead: expected [source indices]:[target indices]");
        }

        return new Bead(Indices(fields[0], line), Indices(fields[1], line), 1.0);
    }

    /// <summary>Reads every bead of an alignment file, skipping blank lines.</summary>
    /// <exception cref="FormatException">A line is not a bead; the message names the file and line.</exception>
    public static IReadOnlyList<Bead> Read(string path)
    {
        var beads = new List<Bead>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                beads.Add(Parse(line));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{path}:{number}: {e.Message}", e);
            }
        }

        return beads;
    }

    /// <summary>Writes one bead a line (<see cref="Bead.ToString"/>).</summary>
    public static void Write(TextWriter writer, IEnumerable<Bead> beads)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(beads);
        foreach (var bead in beads)
        {
            writer.Write(bead.ToString());
            writer.Write('\n');
        }
    }

    private static int[] Indices(string field, string line)
    {
        if (field.Length < 2 || field[0] != '[' || field[^1] != ']')
        {
            throw new FormatException($"'{line}' is not a bead: '{field}' is not a bracketed list");
        }

        var inner = field[1..^1];
        if (string.IsNullOrWhiteSpace(inner))
        {
            return [];
        }

        return [.. inner.Split(',').Select(part => int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new FormatException($"'{line}' is not a bead: '{part.Trim()}' is not a sentence index"))];
    }
}
