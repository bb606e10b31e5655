using Bilingual.Core.Jobs;
using Bilingual.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bilingual.Worker;

/// <summary>
/// OpenTelemetry for the hosts, chosen by configuration: <c>Telemetry:Exporter</c> = <c>none</c> (default), <c>console</c>
/// (metrics and spans to standard output) or <c>otlp</c> (to <c>Telemetry:OtlpEndpoint</c>, default
/// <c>http://127.0.0.1:4317</c>, or the standard <c>OTEL_EXPORTER_OTLP_*</c> variables). Collects the meters and spans of
/// <see cref="TranslationTelemetry"/> and <see cref="JobTelemetry"/>, ASP.NET Core's and outgoing HTTP's.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The configuration key of the exporter.</summary>
    public const string ExporterKey = "Telemetry:Exporter";

    /// <summary>The configuration key of the OTLP endpoint.</summary>
    public const string EndpointKey = "Telemetry:OtlpEndpoint";

    /// <summary>Adds OpenTelemetry as <paramref name="configuration"/> says; nothing for <c>none</c>.</summary>
    /// <exception cref="OptionsValidationException">An unknown exporter or a malformed endpoint.</exception>
    public static IServiceCollection AddBilingualTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = configuration[ExporterKey] ?? "none";
        if (exporter is "none")
        {
            return services;
        }

        if (exporter is not ("console" or "otlp"))
        {
            throw new OptionsValidationException(ExporterKey, typeof(string), [$"{ExporterKey} is '{exporter}': use none, console or otlp."]);
        }

        Uri? endpoint = null;
        if (configuration[EndpointKey] is { } value && !Uri.TryCreate(value, UriKind.Absolute, out endpoint))
        {
            throw new OptionsValidationException(EndpointKey, typeof(string), [$"{EndpointKey} is '{value}': give an absolute URL such as http://127.0.0.1:4317."]);
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("bilingual"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TranslationTelemetry.Name, JobTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint ?? otlp.Endpoint);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(TranslationTelemetry.Name, JobTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint ?? otlp.Endpoint);
                }
            });
        return services;
    }
}
