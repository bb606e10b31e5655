using Bilingual.Core.Documents;

namespace Bilingual.Core.Writing;

/// <summary>
/// What the XML writers (TMX, XLIFF) share: the file named after the document with <paramref name="extension"/>,
/// rendered whole in memory and written atomically, and the version of the tool the file states.
/// </summary>
/// <param name="extension">The file name's ending, with its dot (<c>.tmx</c>).</param>
/// <param name="toolVersion">The version the file states as its creating tool's (tests and golden files fix one).</param>
internal abstract class XmlFileWriter(string extension, string toolVersion) : IDocumentWriter
{
    /// <summary>The version the file states as its creating tool's.</summary>
    protected string ToolVersion { get; } = toolVersion;

    /// <inheritdoc />
    public async Task<string> WriteAsync(BilingualDocument document, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var path = Path.Combine(outputDirectory, document.Name + extension);
        var bytes = Render(document);
        await AtomicFile.WriteAsync(path, stream => stream.WriteAsync(bytes, cancellationToken).AsTask(), cancellationToken);
        return path;
    }

    /// <summary>The file for <paramref name="document"/>, as UTF-8 bytes without a BOM.</summary>
    internal abstract byte[] Render(BilingualDocument document);
}
