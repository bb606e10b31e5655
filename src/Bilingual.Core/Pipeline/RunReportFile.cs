using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bilingual.Core.Writing;

namespace Bilingual.Core.Pipeline;

/// <summary>Writes <see cref="RunReport"/> as <c>run.json</c> in the output folder, atomically.</summary>
internal static class RunReportFile
{
    /// <summary>The report's file name in the output folder.</summary>
    public const string FileName = "run.json";

    private static readonly JsonTypeInfo<RunReport> ReportJson = (JsonTypeInfo<RunReport>)new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // run.json is read by people too: keep Dutch letters and quotes as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RunReportJsonContext.Default,
    }.GetTypeInfo(typeof(RunReport));

    /// <summary>Writes <paramref name="report"/> to <c>run.json</c> in <paramref name="outputDirectory"/>.</summary>
    public static Task WriteAsync(RunReport report, string outputDirectory, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(outputDirectory, FileName), JsonSerializer.Serialize(report, ReportJson) + "\n", cancellationToken);
}
