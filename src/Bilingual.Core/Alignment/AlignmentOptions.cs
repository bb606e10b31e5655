using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Alignment;

/// <summary>How the sentence aligner searches. Section <c>Alignment</c>.</summary>
public sealed class AlignmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alignment";

    /// <summary>
    /// The most sentences one side of a bead may hold; beads hold at most this plus one sentences in all,
    /// and 2-2 is always allowed (4: 1-4, 4-1, 2-3, 3-2, 2-2, 1-3 … plus 1-0 and 0-1). Default 4, range 1–6.
    /// </summary>
    /// <value>Sentences.</value>
    [Range(1, 6)]
    public int MaxBeadSize { get; set; } = 4;

    /// <summary>
    /// Blocks up to this many lattice points (source sentences × target sentences) are aligned over the whole
    /// lattice; larger ones first align blocks of sentences (a coarse pass) and then search only a band
    /// around that path. Default 2,500 (about 50 sentences a side, where the band would be most of the lattice
    /// anyway): above it the whole lattice costs more per sentence the longer the text, a band the same at any
    /// length, and the coarse pass finds the path as well on a 300-sentence article as on a book. Range
    /// 1,000–10,000,000.
    /// </summary>
    /// <value>Lattice points.</value>
    [Range(1_000, 10_000_000)]
    public int MaxFullLattice { get; set; } = 2_500;

    /// <summary>
    /// How many sentences the first fine pass may stray on each side of the coarse path (at least half the
    /// difference between the two sides' sentence counts, so a misplaced run of inserted sentences is still
    /// reachable); the second pass, after the priors are re-estimated, searches half this width around the
    /// first pass's path. Default 20, range 2–500.
    /// </summary>
    /// <value>Sentences.</value>
    [Range(2, 500)]
    public int BandWidth { get; set; } = 20;

    /// <summary>
    /// How many blocks a side the coarse pass searches over its whole lattice. Default 250, range 20–5,000. A side
    /// is cut into this many blocks (fewer where a block would hold fewer than two sentences); a text long enough
    /// that its blocks would hold more than half <see cref="BandWidth"/> sentences gets more, searched coarse to
    /// fine: each level in a band around the path of one with a quarter as many.
    /// </summary>
    /// <value>Blocks.</value>
    [Range(20, 5_000)]
    public int CoarseBlocks { get; set; } = 250;
}

/// <summary>Checks <see cref="AlignmentOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class AlignmentOptionsValidator : IValidateOptions<AlignmentOptions>
{
}
