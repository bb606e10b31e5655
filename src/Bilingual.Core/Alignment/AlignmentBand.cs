namespace Bilingual.Core.Alignment;

/// <summary>
/// The part of the alignment lattice the dynamic programme visits: for every source boundary
/// <c>i</c> (0 … n) the range of target boundaries [<see cref="Low"/>, <see cref="High"/>] it may be paired
/// with. Both bounds never decrease, so every point of the band can be reached from (0, 0) and can reach (n, m);
/// the work and memory grow with the band's area, not with n·m.
/// </summary>
internal sealed class AlignmentBand
{
    private AlignmentBand(int sourceCount, int targetCount, int[] low, int[] high)
    {
        SourceCount = sourceCount;
        TargetCount = targetCount;
        Low = low;
        High = high;
    }

    /// <summary>The number of source sentences (n).</summary>
    public int SourceCount { get; }

    /// <summary>The number of target sentences (m).</summary>
    public int TargetCount { get; }

    /// <summary>The lowest target boundary allowed at each source boundary.</summary>
    public int[] Low { get; }

    /// <summary>The highest target boundary allowed at each source boundary (inclusive).</summary>
    public int[] High { get; }

    /// <summary>The number of lattice points in the band.</summary>
    public long Area
    {
        get
        {
            long area = 0;
            for (var i = 0; i <= SourceCount; i++)
            {
                area += High[i] - Low[i] + 1;
            }

            return area;
        }
    }

    /// <summary>The whole lattice.</summary>
    public static AlignmentBand Full(int sourceCount, int targetCount)
    {
        var low = new int[sourceCount + 1];
        var high = new int[sourceCount + 1];
        Array.Fill(high, targetCount);
        return new AlignmentBand(sourceCount, targetCount, low, high);
    }

    /// <summary>
    /// The band around a path of lattice points (the coarse pass's block beads): within each step of the path the
    /// straight line from one point to the next, widened by <paramref name="width"/> sentences on each side.
    /// Where the path steps over a run of target sentences at one source boundary (a coarse 0-1 bead), that
    /// boundary is only known to within a block: the <paramref name="rowReach"/> rows on each side of it reach
    /// the whole run too.
    /// </summary>
    public static AlignmentBand AroundPath(int sourceCount, int targetCount, IReadOnlyList<(int Source, int Target)> path, int width, int rowReach = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var centreLow = new int[sourceCount + 1];
        var centreHigh = new int[sourceCount + 1];
        Array.Fill(centreLow, int.MaxValue);
        Array.Fill(centreHigh, int.MinValue);
        for (var k = 0; k + 1 < path.Count; k++)
        {
            var (i0, j0) = path[k];
            var (i1, j1) = path[k + 1];
            for (var i = i0; i <= i1; i++)
            {
                var low = i1 == i0 ? j0 : j0 + (int)((long)(i - i0) * (j1 - j0) / (i1 - i0));
                var high = i1 == i0 ? j1 : low;
                centreLow[i] = Math.Min(centreLow[i], low);
                centreHigh[i] = Math.Max(centreHigh[i], high);
            }
        }

        var lows = new int[sourceCount + 1];
        var highs = new int[sourceCount + 1];
        for (var i = 0; i <= sourceCount; i++)
        {
            lows[i] = centreLow[i] == int.MaxValue ? int.MaxValue : centreLow[i] - width;
            highs[i] = centreHigh[i] == int.MinValue ? int.MinValue : centreHigh[i] + width;
        }

        for (var k = 0; k + 1 < path.Count && rowReach > 0; k++)
        {
            var (i0, j0) = path[k];
            var (i1, j1) = path[k + 1];
            if (i0 != i1)
            {
                continue;
            }

            for (var i = Math.Max(0, i0 - rowReach); i <= Math.Min(sourceCount, i0 + rowReach); i++)
            {
                lows[i] = Math.Min(lows[i], j0 - width);
                highs[i] = Math.Max(highs[i], j1 + width);
            }
        }

        return Monotone(sourceCount, targetCount, lows, highs);
    }

    /// <summary>The band of half-width <paramref name="width"/> around the straight line from (0, 0) to (n, m).</summary>
    public static AlignmentBand AroundDiagonal(int sourceCount, int targetCount, int width)
    {
        var low = new int[sourceCount + 1];
        var high = new int[sourceCount + 1];
        for (var i = 0; i <= sourceCount; i++)
        {
            var centre = sourceCount == 0 ? 0 : (int)((long)i * targetCount / sourceCount);
            low[i] = Math.Max(0, centre - width);
            high[i] = Math.Min(targetCount, centre + width);
        }

        return Monotone(sourceCount, targetCount, low, high);
    }

    private static AlignmentBand Monotone(int sourceCount, int targetCount, int[] low, int[] high)
    {
        low[0] = 0;
        high[sourceCount] = targetCount;
        for (var i = 1; i <= sourceCount; i++)
        {
            high[i] = Math.Max(high[i], high[i - 1]);
        }

        for (var i = sourceCount - 1; i >= 0; i--)
        {
            low[i] = Math.Min(low[i], low[i + 1]);
        }

        for (var i = 0; i <= sourceCount; i++)
        {
            high[i] = Math.Clamp(high[i], 0, targetCount);
            low[i] = Math.Clamp(low[i], 0, high[i]);
        }

        // Rows must overlap (low[i] ≤ high[i - 1]) so a 1-0 step links them: every point stays reachable.
        for (var i = 1; i <= sourceCount; i++)
        {
            low[i] = Math.Min(low[i], high[i - 1]);
        }

        return new AlignmentBand(sourceCount, targetCount, low, high);
    }
}
