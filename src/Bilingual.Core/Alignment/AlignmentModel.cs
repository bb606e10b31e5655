namespace Bilingual.Core.Alignment;

/// <summary>
/// Everything the aligner knows about one pair of texts: sentence lengths, feature vectors, the calibration of
/// lexical similarity; and the search that aligns any block of it: the whole lattice for small blocks, a coarse
/// pass over blocks of sentences and a band around its path for large ones.
/// </summary>
internal sealed class AlignmentModel
{
    // The coarse pass compares blocks by their hashed feature vectors: 256 dimensions keep collisions rare
    // next to the thousands of features a block has, and the cost of a comparison small.
    private const int CoarseDimensions = 256;

    private readonly AlignmentOptions options;
    private readonly SentenceVectors sourceVectors;
    private readonly SentenceVectors targetVectors;
    private readonly SimilarityCalibration calibration;
    private readonly SentenceBackground sourceBackground;
    private readonly SentenceBackground targetBackground;
    private readonly LengthScorer lengths;
    private readonly BeadDynamicProgram engine;
    private readonly IBeadScorer[] boundaryScorers;
    private SimilarityScorer? diagnosticSimilarity;

    /// <summary>Builds the model; <paramref name="bridge"/>, when given, is compared with the target instead of the source.</summary>
    public AlignmentModel(IReadOnlyList<string> source, IReadOnlyList<string> target, IReadOnlyList<string>? bridge, AlignmentOptions options, IBilingualLexicon? dictionary = null)
    {
        if (bridge is not null && bridge.Count != source.Count)
        {
            throw new ArgumentException($"The bridge has {bridge.Count} sentences for {source.Count} source sentences.", nameof(bridge));
        }

        this.options = options;
        var comparable = bridge ?? source;
        var sourceBags = comparable.Select(s => SentenceFeatures.Count(s, bridge is null ? dictionary : null)).ToList();
        var targetBags = target.Select(t => SentenceFeatures.Count(t)).ToList();
        (sourceVectors, targetVectors) = SentenceVectors.Build(sourceBags, targetBags, options.MaxBeadSize);
        sourceBackground = SentenceBackground.Build(sourceVectors, targetVectors, options.MaxBeadSize);
        targetBackground = SentenceBackground.Build(targetVectors, sourceVectors, options.MaxBeadSize);

        calibration = SimilarityCalibration.Estimate(sourceVectors, targetVectors, sourceBackground, targetBackground);
        lengths = new LengthScorer([.. source.Select(s => s.Length)], [.. target.Select(t => t.Length)]);
        engine = new BeadDynamicProgram(BeadShape.UpTo(options.MaxBeadSize));
        boundaryScorers = [.. new[]
        {
            BoundaryScorer.Create(BoundaryScorer.Quotations(source), BoundaryScorer.Quotations(target), calibration.Anchors),
            BoundaryScorer.Create(BoundaryScorer.Brackets(source), BoundaryScorer.Brackets(target), calibration.Anchors),
            BoundaryScorer.Create(BoundaryScorer.Endings(source), BoundaryScorer.Endings(target), calibration.Anchors),
        }.OfType<IBeadScorer>()];
    }

    /// <summary>The source sentence count.</summary>
    public int SourceCount => sourceVectors.Count;

    /// <summary>The target sentence count.</summary>
    public int TargetCount => targetVectors.Count;

    /// <summary>The similarity calibration estimated on the whole pair.</summary>
    public SimilarityCalibration Calibration => calibration;

    /// <summary>
    /// For diagnostics: each scorer's cost of one bead (length, similarity, then the boundary scorers in use), in
    /// nats, whatever the band would allow.
    /// </summary>
    internal double[] ScorerCosts(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        diagnosticSimilarity ??= new SimilarityScorer(sourceVectors, targetVectors, calibration, AlignmentBand.Full(SourceCount, TargetCount), 0, 0, options.MaxBeadSize, sourceBackground, targetBackground);
        IBeadScorer[] scorers = [lengths, diagnosticSimilarity, .. boundaryScorers];
        return [.. scorers.Select(scorer => scorer.Cost(sourceStart, sourceCount, targetStart, targetCount))];
    }

    /// <summary>Aligns the whole pair.</summary>
    public IReadOnlyList<ScoredBead> Align() => Align(0, SourceCount, 0, TargetCount);

    /// <summary>Aligns source sentences [<paramref name="sourceStart"/>, +<paramref name="sourceCount"/>) with target sentences [<paramref name="targetStart"/>, +<paramref name="targetCount"/>).</summary>
    public IReadOnlyList<ScoredBead> Align(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        var band = (long)sourceCount * targetCount <= options.MaxFullLattice
            ? AlignmentBand.Full(sourceCount, targetCount)
            : CoarseBand(sourceStart, sourceCount, targetStart, targetCount);
        var similarity = new SimilarityScorer(sourceVectors, targetVectors, calibration, band, sourceStart, targetStart, options.MaxBeadSize, sourceBackground, targetBackground);
        return engine.Align(band, new SumScorer([lengths, similarity, .. boundaryScorers]), sourceStart, targetStart);
    }

    /// <summary>
    /// Cuts each side into the same number of blocks, aligns the blocks over their whole (small) lattice with
    /// 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1 block beads, and returns the band around that path at sentence level.
    /// </summary>
    private AlignmentBand CoarseBand(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        var blocks = Math.Min(options.CoarseBlocks, Math.Min(sourceCount, targetCount));
        var sourceBounds = Bounds(sourceStart, sourceCount, blocks);
        var targetBounds = Bounds(targetStart, targetCount, blocks);
        var scorer = new CoarseScorer(
            Blocks(sourceVectors, sourceBounds), Blocks(targetVectors, targetBounds),
            [.. Enumerable.Range(0, blocks).Select(b => lengths.SourceLength(sourceBounds[b], sourceBounds[b + 1] - sourceBounds[b]))],
            [.. Enumerable.Range(0, blocks).Select(b => lengths.TargetLength(targetBounds[b], targetBounds[b + 1] - targetBounds[b]))],
            lengths.Ratio);
        var coarse = new BeadDynamicProgram([new(1, 1), new(1, 0), new(0, 1), new(2, 1), new(1, 2), new(2, 2)])
            .Align(AlignmentBand.Full(blocks, blocks), scorer, posteriors: false);
        var path = new List<(int, int)> { (0, 0) };
        foreach (var bead in coarse)
        {
            path.Add((sourceBounds[bead.SourceStart + bead.SourceCount] - sourceStart, targetBounds[bead.TargetStart + bead.TargetCount] - targetStart));
        }

        // The coarse pass places the sentences one side has more of (an inserted page, a dropped section) only to
        // within a few blocks; the band is wide enough to move half of that surplus to where the fine pass finds it.
        var width = Math.Max(options.BandWidth, Math.Abs(sourceCount - targetCount) / 2);
        var rowReach = (int)Math.Ceiling(2.0 * sourceCount / blocks);
        return AlignmentBand.AroundPath(sourceCount, targetCount, path, width, rowReach);
    }

    private static int[] Bounds(int start, int count, int blocks)
    {
        var bounds = new int[blocks + 1];
        for (var b = 0; b <= blocks; b++)
        {
            bounds[b] = start + (int)((long)b * count / blocks);
        }

        return bounds;
    }

    private static float[][] Blocks(SentenceVectors vectors, int[] bounds)
    {
        var blocks = new float[bounds.Length - 1][];
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = vectors.Dense(bounds[b], bounds[b + 1] - bounds[b], CoarseDimensions);
        }

        return blocks;
    }
}
