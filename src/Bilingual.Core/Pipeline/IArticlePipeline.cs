namespace Bilingual.Core.Pipeline;

/// <summary>The translate job: article files in; an English edition, a review page, a TMX and <c>run.json</c> out.</summary>
public interface IArticlePipeline
{
    /// <summary>
    /// Processes <paramref name="files"/> into <see cref="PipelineOptions.OutputDirectory"/>. One bad file never
    /// stops the others: its failure is in the report. Writes <c>run.json</c> last.
    /// </summary>
    Task<RunReport> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken);
}
