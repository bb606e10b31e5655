namespace Bilingual.Core.Pipeline;

/// <summary>
/// The list file of a many-pair align job: one pair a line, <c>SOURCE TAB TARGET TAB BRIDGE-or-empty TAB OUTPUT [TAB GOLD]</c>;
/// blank lines and lines starting with <c>#</c> are skipped; relative paths are relative to the list's own folder.
/// </summary>
internal static class AlignmentPairList
{
    /// <summary>Reads the pairs of <paramref name="path"/>, paths resolved.</summary>
    /// <exception cref="JobInputException">The list is missing or a line has the wrong fields; the message names the line.</exception>
    public static async Task<IReadOnlyList<AlignmentPair>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new JobInputException(Directory.Exists(path) ? $"{path}: is a folder, not a list of pairs" : $"{path}: no such file");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string Resolve(string file) => Path.IsPathRooted(file) ? file : Path.Combine(folder, file);
        var pairs = new List<AlignmentPair>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length is < 4 or > 5 || fields[0].Length == 0 || fields[1].Length == 0 || fields[3].Length == 0)
            {
                throw new JobInputException($"{path}:{number}: expected SOURCE<TAB>TARGET<TAB>BRIDGE-or-empty<TAB>OUTPUT[<TAB>GOLD], found {fields.Length} fields");
            }

            pairs.Add(new AlignmentPair(
                Resolve(fields[0]),
                Resolve(fields[1]),
                fields[2].Length == 0 ? null : Resolve(fields[2]),
                Resolve(fields[3]),
                fields.Length == 5 && fields[4].Length > 0 ? Resolve(fields[4]) : null));
        }

        return pairs;
    }
}
