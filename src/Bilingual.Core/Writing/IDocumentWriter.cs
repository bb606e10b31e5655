using Bilingual.Core.Documents;

namespace Bilingual.Core.Writing;

/// <summary>Writes one output file for an aligned document.</summary>
public interface IDocumentWriter
{
    /// <summary>
    /// Writes the output for <paramref name="document"/> into <paramref name="outputDirectory"/> atomically
    /// (a temporary file, then a rename) and returns the path written.
    /// </summary>
    Task<string> WriteAsync(BilingualDocument document, string outputDirectory, CancellationToken cancellationToken);
}
