using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Review;

/// <summary>Where reviewers' corrections are kept and how strict the quality checks are. Section <c>Review</c>.</summary>
public sealed class ReviewOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Review";

    /// <summary>The configuration key of the translation memory file that corrections are stored beside.</summary>
    public const string CachePathKey = "Cache:Path";

    /// <summary>The translation memory file when neither <see cref="DatabasePath"/> nor <c>Cache:Path</c> is set.</summary>
    public const string DefaultDatabasePath = "cache/translations.db";

    /// <summary>
    /// The SQLite file that holds the corrections (table <c>review_corrections</c>). Default: the translation
    /// cache's file, <c>Cache:Path</c>, itself <c>cache/translations.db</c> by default, so that the memory and
    /// its corrections travel together.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// The largest file <c>review apply</c> takes (a changes JSON or a corrected TMX), in bytes, checked before it is
    /// read. Default 64 MiB (a review page's export of a long article is well under 1 MiB); range 1 KiB to 2 GiB.
    /// </summary>
    [Range(1024, 1L << 31)]
    public long MaxImportBytes { get; set; } = 64L << 20;

    /// <summary>
    /// The longest segment (a TMX <c>&lt;seg&gt;</c>, a change's source or target) <c>review apply</c> stores, in
    /// characters; a file with a longer one is refused. Default 100,000 (a long paragraph is a few thousand);
    /// range 100 to 10,000,000.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxSegmentCharacters { get; set; } = 100_000;

    /// <summary>
    /// Below this target/source length ratio (in characters) a pair is flagged as too short. Default 0.5, range 0.01–1.
    /// </summary>
    [Range(0.01, 1.0)]
    public double MinLengthRatio { get; set; } = 0.5;

    /// <summary>Above this target/source length ratio a pair is flagged as too long. Default 2.0, range 1–100.</summary>
    [Range(1.0, 100.0)]
    public double MaxLengthRatio { get; set; } = 2.0;

    /// <summary>
    /// Sources shorter than this many characters are not length-checked, as short texts vary too much.
    /// Default 20, range 0–10000.
    /// </summary>
    [Range(0, 10_000)]
    public int MinLengthForRatio { get; set; } = 20;

    /// <summary>
    /// The share of the source's longer words (4 letters or more, at least 4 of them) found unchanged in the
    /// target above which the target is flagged as untranslated. Default 0.6, range 0–1.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UntranslatedShare { get; set; } = 0.6;

    /// <summary>Confidence below this is shown red (low band). Default 0.5, range 0–1.</summary>
    [Range(0.0, 1.0)]
    public double LowConfidence { get; set; } = 0.5;

    /// <summary>Confidence at or above this is shown green (high band); between the two, amber. Default 0.8, range 0–1.</summary>
    [Range(0.0, 1.0)]
    public double HighConfidence { get; set; } = 0.8;
}

/// <summary>Checks <see cref="ReviewOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class ReviewOptionsValidator : IValidateOptions<ReviewOptions>
{
}
