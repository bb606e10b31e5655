using Bilingual.Core.Lexicon;

namespace Bilingual.Core.Alignment;

/// <summary>
/// Everything the aligner knows about one pair of texts: sentence lengths, feature vectors and their
/// backgrounds, the calibration of lexical similarity, the boundary states; and the search that aligns blocks of
/// it: the whole lattice for small blocks, a coarse pass over blocks of sentences and a band around its path for
/// large ones, twice (the second time with what the first taught about the document, see <see cref="AlignBlocks"/>).
/// </summary>
internal sealed class AlignmentModel
{
    // The coarse pass compares blocks by their hashed feature vectors: 256 dimensions keep collisions rare
    // next to the thousands of features a block has, and the cost of a comparison small.
    private const int CoarseDimensions = 256;

    // Blocks of fewer sentences than this make the coarse lattice as large as the fine band it is meant to spare,
    // and place the path no better: the band is many sentences wide either way.
    private const int MinimumCoarseBlock = 2;

    // Each coarser pass of a long text has a quarter as many blocks as the one it guides.
    private const int CoarseningFactor = 4;

    private readonly AlignmentOptions _options;
    private readonly SentenceVectors _sourceVectors;
    private readonly SentenceVectors _targetVectors;
    private readonly SimilarityCalibration _calibration;
    private readonly SentenceBackground _sourceBackground;
    private readonly SentenceBackground _targetBackground;
    private readonly LengthScorer _lengths;
    private readonly IReadOnlyList<BeadShape> _shapes;
    private readonly BeadDynamicProgram _engine;
    private readonly BeadDynamicProgram _coarseEngine = new([new(1, 1), new(1, 0), new(0, 1), new(2, 1), new(1, 2), new(2, 2)]);
    private readonly int[][] _sourceStates;
    private readonly int[][] _targetStates;
    private readonly IBeadScorer[] _boundaryScorers;
    private SimilarityScorer? _diagnosticSimilarity;

    /// <summary>
    /// Builds the model; <paramref name="bridge"/>, when given, is compared with the target instead of the source;
    /// <paramref name="reverseBridge"/>, when given (a machine translation of each target sentence into the source
    /// language), is compared with the source as well, and a bead's similarity is that of both comparisons together.
    /// </summary>
    public AlignmentModel(IReadOnlyList<string> source, IReadOnlyList<string> target, IReadOnlyList<string>? bridge, AlignmentOptions options, IBilingualLexicon? dictionary = null, IReadOnlyList<string>? reverseBridge = null)
    {
        if (bridge is not null && bridge.Count != source.Count)
        {
            throw new ArgumentException($"The bridge has {bridge.Count} sentences for {source.Count} source sentences.", nameof(bridge));
        }

        if (reverseBridge is not null && reverseBridge.Count != target.Count)
        {
            throw new ArgumentException($"The reverse bridge has {reverseBridge.Count} sentences for {target.Count} target sentences.", nameof(reverseBridge));
        }

        _options = options;
        var comparable = bridge ?? source;
        var sourceBags = comparable.Select(s => SentenceFeatures.Count(s, bridge is null ? dictionary : null)).ToList();
        var targetBags = target.Select(t => SentenceFeatures.Count(t)).ToList();
        if (reverseBridge is not null)
        {
            // Both directions in one vector a side, each language's features apart: one cosine, one calibration,
            // one background, and the two translations' errors, being independent, partly cancel.
            for (var i = 0; i < source.Count; i++)
            {
                SentenceFeatures.WithOtherLanguage(sourceBags[i], SentenceFeatures.Count(source[i]));
            }

            for (var j = 0; j < target.Count; j++)
            {
                SentenceFeatures.WithOtherLanguage(targetBags[j], SentenceFeatures.Count(reverseBridge[j]));
            }
        }

        (_sourceVectors, _targetVectors) = SentenceVectors.Build(sourceBags, targetBags, options.MaxBeadSize);
        _sourceBackground = SentenceBackground.Build(_sourceVectors, _targetVectors, options.MaxBeadSize);
        _targetBackground = SentenceBackground.Build(_targetVectors, _sourceVectors, options.MaxBeadSize);

        _calibration = SimilarityCalibration.Estimate(_sourceVectors, _targetVectors, _sourceBackground, _targetBackground);
        _lengths = new LengthScorer([.. source.Select(s => s.Length)], [.. target.Select(t => t.Length)], BeadPriors.GaleChurch(options.MaxBeadSize));
        _shapes = BeadShape.UpTo(options.MaxBeadSize);
        _engine = new BeadDynamicProgram(_shapes);
        _sourceStates = [BoundaryScorer.Quotations(source), BoundaryScorer.Brackets(source), BoundaryScorer.Endings(source), BoundaryScorer.Openings(source)];
        _targetStates = [BoundaryScorer.Quotations(target), BoundaryScorer.Brackets(target), BoundaryScorer.Endings(target), BoundaryScorer.Openings(target)];
        _boundaryScorers = BoundaryScorers(_calibration.Anchors);
    }

    private IBeadScorer[] BoundaryScorers(IReadOnlyList<(int Source, int Target)> anchors) =>
        [.. _sourceStates.Zip(_targetStates, (s, t) => BoundaryScorer.Create(s, t, anchors)).OfType<IBeadScorer>()];

    /// <summary>The source sentence count.</summary>
    public int SourceCount => _sourceVectors.Count;

    /// <summary>The target sentence count.</summary>
    public int TargetCount => _targetVectors.Count;

    /// <summary>What the searches of this model have cost so far, coarse passes included.</summary>
    public SearchCounts Searched => SearchCounts.Of(_engine) + SearchCounts.Of(_coarseEngine);

    /// <summary>The similarity calibration estimated on the whole pair.</summary>
    public SimilarityCalibration Calibration => _calibration;

    /// <summary>
    /// For diagnostics: each scorer's cost of one bead (length, similarity, then the boundary scorers in use), in
    /// nats, whatever the band would allow, as the first pass scores it (Gale &amp; Church's priors, boundary
    /// agreement learnt from the anchors).
    /// </summary>
    internal double[] ScorerCosts(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        _diagnosticSimilarity ??= new SimilarityScorer(_sourceVectors, _targetVectors, _calibration, AlignmentBand.Full(SourceCount, TargetCount), 0, 0, _options.MaxBeadSize, _sourceBackground, _targetBackground);
        IBeadScorer[] scorers = [_lengths, _diagnosticSimilarity, .. _boundaryScorers];
        return [.. scorers.Select(scorer => scorer.Cost(sourceStart, sourceCount, targetStart, targetCount))];
    }

    /// <summary>Aligns the whole pair.</summary>
    public IReadOnlyList<ScoredBead> Align() => AlignBlocks([new AlignmentBlock(0, SourceCount, 0, TargetCount)])[0];

    /// <summary>
    /// Aligns each block (its source sentences with its target sentences) in two passes: the first with Gale
    /// &amp; Church's bead-shape priors, whose forward–backward pass gives the expected number of beads of each
    /// shape over all the blocks (skips are counted from the runs on its path instead, see
    /// <see cref="BeadPriors.CountSkipRuns"/>); the second with the priors re-estimated from those counts
    /// (<see cref="BeadPriors.Reestimate"/>: one EM step), in a band around the first pass's path.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ScoredBead>> AlignBlocks(IReadOnlyList<AlignmentBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var counts = new double[_shapes.Count];
        var first = blocks.Select(block => Align(block, FirstBand(block), _lengths, _boundaryScorers, counts)).ToList();
        BeadPriors.CountSkipRuns(_shapes, first, counts);
        var learntLengths = _lengths.WithPriors(BeadPriors.Reestimate(_shapes, counts, _options.MaxBeadSize));
        // The boundary scorers learn again from the first pass's bead ends: far more of them than anchors.
        var learntBoundaries = BoundaryScorers([.. first.SelectMany(beads => beads)
            .Where(b => b.SourceCount > 0 && b.TargetCount > 0)
            .Select(b => (b.SourceStart + b.SourceCount, b.TargetStart + b.TargetCount))]);

        return [.. blocks.Select((block, k) => Align(block, SecondBand(block, first[k]), learntLengths, learntBoundaries, null))];
    }

    private IReadOnlyList<ScoredBead> Align(AlignmentBlock block, AlignmentBand band, LengthScorer lengthScorer, IBeadScorer[] boundaries, double[]? counts)
    {
        var similarity = new SimilarityScorer(_sourceVectors, _targetVectors, _calibration, band, block.SourceStart, block.TargetStart, _options.MaxBeadSize, _sourceBackground, _targetBackground);
        // Similarity last: it is the scorer that can stop early on a hopeless bead (see SumScorer).
        return _engine.Align(band, new SumScorer([lengthScorer, .. boundaries, similarity]), block.SourceStart, block.TargetStart, shapeCounts: counts);
    }

    /// <summary>The whole lattice for small blocks, a band around a coarse pass's path for large ones.</summary>
    private AlignmentBand FirstBand(AlignmentBlock block) =>
        (long)block.SourceCount * block.TargetCount <= _options.MaxFullLattice
            ? AlignmentBand.Full(block.SourceCount, block.TargetCount)
            : CoarseBand(block.SourceStart, block.SourceCount, block.TargetStart, block.TargetCount);

    /// <summary>The whole lattice for small blocks; for large ones the configured band width around the first pass's path, which is already right to within a sentence or two nearly everywhere.</summary>
    private AlignmentBand SecondBand(AlignmentBlock block, IReadOnlyList<ScoredBead> first)
    {
        if ((long)block.SourceCount * block.TargetCount <= _options.MaxFullLattice)
        {
            return AlignmentBand.Full(block.SourceCount, block.TargetCount);
        }

        var path = new List<(int, int)>(first.Count + 1) { (0, 0) };
        path.AddRange(first.Select(b => (b.SourceStart + b.SourceCount - block.SourceStart, b.TargetStart + b.TargetCount - block.TargetStart)));
        return AlignmentBand.AroundPath(block.SourceCount, block.TargetCount, path, Math.Max(2, _options.BandWidth / 2));
    }

    /// <summary>
    /// Cuts each side into the same number of blocks, aligns the blocks with 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1
    /// block beads (<see cref="CoarsePath"/>), and returns the band around that path at sentence level.
    /// </summary>
    private AlignmentBand CoarseBand(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        // Blocks of at most half the band width: where the path crosses a block's edge is known only to within a
        // block, and the fine band must still hold it. A long book gets more blocks, aligned coarse to fine.
        var blocks = Math.Min(
            Math.Max(1, Math.Min(sourceCount, targetCount) / MinimumCoarseBlock),
            Math.Max(_options.CoarseBlocks, 2 * Math.Max(sourceCount, targetCount) / _options.BandWidth));
        var path = CoarsePath(sourceStart, sourceCount, targetStart, targetCount, blocks);

        // The coarse pass places the sentences one side has more of (an inserted page, a dropped section) only to
        // within a few blocks; the band is wide enough to move half of that surplus to where the fine pass finds it.
        var width = Math.Max(_options.BandWidth, Math.Abs(sourceCount - targetCount) / 2);
        var rowReach = (int)Math.Ceiling(2.0 * sourceCount / blocks);
        return AlignmentBand.AroundPath(sourceCount, targetCount, path, width, rowReach);
    }

    /// <summary>
    /// The path of the block beads over <paramref name="blocks"/> blocks a side, as lattice points at sentence
    /// level relative to the block's start. Up to <see cref="AlignmentOptions.CoarseBlocks"/> blocks the whole
    /// block lattice is searched; beyond that, the band around the path of a pass over a quarter as many blocks
    /// (recursively), so the work and memory grow with the length of the text, not its square.
    /// </summary>
    private List<(int Source, int Target)> CoarsePath(int sourceStart, int sourceCount, int targetStart, int targetCount, int blocks)
    {
        var sourceBounds = Bounds(sourceStart, sourceCount, blocks);
        var targetBounds = Bounds(targetStart, targetCount, blocks);
        AlignmentBand band;
        if (blocks <= _options.CoarseBlocks)
        {
            band = AlignmentBand.Full(blocks, blocks);
        }
        else
        {
            var coarser = CoarsePath(sourceStart, sourceCount, targetStart, targetCount, blocks / CoarseningFactor);
            var blockPath = coarser.Select(p => ((int)((long)p.Source * blocks / sourceCount), (int)((long)p.Target * blocks / targetCount))).ToList();
            // As at sentence level: a few blocks either side, half the surplus of one side, and the rows next to
            // a coarser 0-1 step reach the whole step.
            var width = Math.Max(2 * CoarseningFactor, Math.Abs(sourceCount - targetCount) * blocks / (2 * Math.Max(sourceCount, targetCount)));
            band = AlignmentBand.AroundPath(blocks, blocks, blockPath, width, 2 * CoarseningFactor);
        }

        var scorer = new CoarseScorer(
            Blocks(_sourceVectors, sourceBounds), Blocks(_targetVectors, targetBounds),
            [.. Enumerable.Range(0, blocks).Select(b => _lengths.SourceLength(sourceBounds[b], sourceBounds[b + 1] - sourceBounds[b]))],
            [.. Enumerable.Range(0, blocks).Select(b => _lengths.TargetLength(targetBounds[b], targetBounds[b + 1] - targetBounds[b]))],
            _lengths.Ratio,
            band);
        var coarse = _coarseEngine.Align(band, scorer, posteriors: false);
        var path = new List<(int, int)> { (0, 0) };
        foreach (var bead in coarse)
        {
            path.Add((sourceBounds[bead.SourceStart + bead.SourceCount] - sourceStart, targetBounds[bead.TargetStart + bead.TargetCount] - targetStart));
        }

        return path;
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

/// <summary>A block of a pair to align: source sentences [SourceStart, +SourceCount) with target sentences [TargetStart, +TargetCount).</summary>
/// <param name="SourceStart">The first source sentence.</param>
/// <param name="SourceCount">How many source sentences.</param>
/// <param name="TargetStart">The first target sentence.</param>
/// <param name="TargetCount">How many target sentences.</param>
internal readonly record struct AlignmentBlock(int SourceStart, int SourceCount, int TargetStart, int TargetCount);
