using Bilingual.Core.Documents;

namespace Bilingual.Core.Reading;

/// <summary>
/// Reads articles (the format of <c>seeds/</c>) and one-sentence-a-line files, with the same checks for both:
/// size limit, UTF-8 only, no binary files, headings by one rule.
/// </summary>
public interface IArticleReader
{
    /// <summary>Reads the article at <paramref name="path"/>, written in <paramref name="language"/> (a BCP 47 tag).</summary>
    /// <exception cref="ArticleFormatException">The file is not a readable article; the message names the file and the problem.</exception>
    Task<Article> ReadAsync(string path, string language, CancellationToken cancellationToken);

    /// <summary>Parses article text already in memory; <paramref name="path"/> names it in errors and outputs.</summary>
    /// <exception cref="ArticleFormatException">The text holds no paragraph.</exception>
    Article Parse(string path, string text, string language);

    /// <summary>The lines of a text file (a presegmented side or bridge), blank ones included, after the same checks as an article.</summary>
    /// <exception cref="ArticleFormatException">The file is missing, too large, empty, binary or not UTF-8.</exception>
    Task<IReadOnlyList<string>> ReadLinesAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// A presegmented text: one sentence a line, blank lines between paragraphs. Sentence indices count the
    /// non-blank lines from 0, as Vecalign's format does; a paragraph's text is its sentences joined by a space.
    /// </summary>
    SegmentedText ParsePresegmented(string path, IReadOnlyList<string> lines);
}

/// <summary>A file that cannot be read as an article. The message names the file and says what is wrong.</summary>
public sealed class ArticleFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArticleFormatException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ArticleFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ArticleFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for <paramref name="path"/> with the problem in one sentence.</summary>
    public ArticleFormatException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string? FilePath { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string? Problem { get; }
}
