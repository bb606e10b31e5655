using Bilingual.Core.Documents;

namespace Bilingual.Core.Reading;

/// <summary>Reads an article file into paragraphs and metadata.</summary>
public interface IArticleReader
{
    /// <summary>Reads the article at <paramref name="path"/>.</summary>
    /// <exception cref="ArticleFormatException">The file is not a readable article; the message names the file and the problem.</exception>
    Task<Article> ReadAsync(string path, CancellationToken cancellationToken);
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
