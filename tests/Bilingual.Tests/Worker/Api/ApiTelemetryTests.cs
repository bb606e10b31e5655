using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Bilingual.Core.Jobs;
using Bilingual.Core.Translation;

namespace Bilingual.Tests.Worker.Api;

/// <summary>One trace per job across its stages, and the translation counters, as a listener (OpenTelemetry's, here a plain one) sees them.</summary>
public sealed class ApiTelemetryTests
{
    [Fact]
    public async Task Job_IsOneTraceWithTheTranslationInsideAndCountsItsParagraphs()
    {
        var activities = new ConcurrentBag<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name is JobTelemetry.Name or TranslationTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(tracing);
        var paragraphs = 0L;
        using var metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "bilingual.translation.paragraphs")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        metrics.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref paragraphs, value));
        metrics.Start();
        await using var server = await ApiServer.StartAsync();

        var accepted = await server.SubmitAsync([("traced", "Een zin over Minsk. Nog een zin.\n\nTweede alinea.")]);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await server.WaitAsync(id);

        var job = Assert.Single(activities, a => a.OperationName == "job" && (string?)a.GetTagItem("bilingual.job.id") == id);
        Assert.Equal("Succeeded", job.GetTagItem("bilingual.job.status"));
        var translation = Assert.Single(activities, a => a.OperationName == "translate paragraphs" && a.TraceId == job.TraceId);
        Assert.Equal(job.SpanId, translation.ParentSpanId);
        Assert.True(Interlocked.Read(ref paragraphs) >= 2, $"counted {paragraphs} paragraphs");
    }
}
