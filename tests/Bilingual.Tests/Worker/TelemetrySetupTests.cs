using Bilingual.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bilingual.Tests.Worker;

public sealed class TelemetrySetupTests
{
    private static ServiceProvider Build(string? exporter, string? endpoint = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetrySetup.ExporterKey] = exporter,
            [TelemetrySetup.EndpointKey] = endpoint,
        }).Build();
        return new ServiceCollection().AddLogging().AddBilingualTelemetry(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddBilingualTelemetry_None_RegistersNoProvider()
    {
        using var services = Build(null);

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("console", null)]
    [InlineData("otlp", "http://127.0.0.1:4317")]
    public void AddBilingualTelemetry_Exporter_RegistersTracingAndMetrics(string exporter, string? endpoint)
    {
        using var services = Build(exporter, endpoint);

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddBilingualTelemetry_UnknownExporter_NamesTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build("zipkin"));

        Assert.Contains("Telemetry:Exporter is 'zipkin'", string.Join(";", error.Failures), StringComparison.Ordinal);
    }
}
