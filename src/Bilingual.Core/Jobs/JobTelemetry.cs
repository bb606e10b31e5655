using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bilingual.Core.Jobs;

/// <summary>
/// What the jobs report to OpenTelemetry: meter and activity source <c>Bilingual.Jobs</c>. Each job is one trace: its
/// span (<c>job</c>, tagged with the job id) is the parent of the translation and writing spans of its stages.
/// </summary>
public static class JobTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Bilingual.Jobs";

    /// <summary>The spans of jobs.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The meter of the instruments below.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Jobs that reached their final status, tagged <c>status</c>.</summary>
    public static Counter<long> Finished { get; } = Meter.CreateCounter<long>("bilingual.jobs.finished", "{job}", "Jobs that reached their final status, by status");

    /// <summary>Observes the depth of a queue as <c>bilingual.jobs.queued</c>.</summary>
    internal static void ObserveQueue(Func<int> depth) =>
        Meter.CreateObservableGauge("bilingual.jobs.queued", depth, "{job}", "Jobs waiting for a runner in this process");
}
