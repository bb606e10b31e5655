using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bilingual.Core.Translation;

/// <summary>
/// What the translation stage reports to OpenTelemetry (or any <see cref="MeterListener"/>/<see cref="ActivityListener"/>):
/// meter and activity source <c>Bilingual.Translation</c>. Nothing is recorded unless a listener asks for it.
/// </summary>
public static class TranslationTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Bilingual.Translation";

    /// <summary>The spans of translation calls and backend requests.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The meter of the counters below.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Paragraphs translated, tagged <c>source</c> = <c>cache</c> or <c>backend</c>.</summary>
    public static Counter<long> Paragraphs { get; } = Meter.CreateCounter<long>("bilingual.translation.paragraphs", "{paragraph}", "Paragraphs translated, by where the translation came from");

    /// <summary>Characters the backend billed (its own metering where it reports one, else the characters sent).</summary>
    public static Counter<long> CharactersBilled { get; } = Meter.CreateCounter<long>("bilingual.translation.characters_billed", "{character}", "Characters the backend billed");

    /// <summary>How long each backend request took, in seconds, retries included.</summary>
    public static Histogram<double> BackendDuration { get; } = Meter.CreateHistogram<double>("bilingual.translation.backend.duration", "s", "Backend request duration, retries included");
}
