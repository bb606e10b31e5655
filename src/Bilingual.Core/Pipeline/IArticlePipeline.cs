using Bilingual.Core.Documents;

namespace Bilingual.Core.Pipeline;

/// <summary>The translate job: articles in; an English edition, a review page, a TMX (and <c>run.json</c> for a folder) out.</summary>
public interface IArticlePipeline
{
    /// <summary>
    /// Processes <paramref name="files"/> into <see cref="PipelineOptions.OutputDirectory"/>. One bad file never
    /// stops the others: its failure is in the report. Writes <c>run.json</c> last.
    /// </summary>
    Task<RunReport> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken);

    /// <summary>
    /// Processes <paramref name="files"/> as <see cref="RunAsync(IReadOnlyList{string}, CancellationToken)"/> does and writes
    /// <c>run.json</c> as <paramref name="earlier"/> followed by this run (<see cref="RunReport.Then"/>): a watch keeps its history.
    /// </summary>
    Task<RunReport> RunAsync(IReadOnlyList<string> files, RunReport? earlier, CancellationToken cancellationToken);

    /// <summary>
    /// Translates <paramref name="articles"/> into <paramref name="outputDirectory"/> (null: writes nothing, the documents
    /// reach <paramref name="progress"/> only): the paragraphs of all articles go to
    /// the backend together, in as few requests as its limits allow, and each article is aligned, checked and written as
    /// soon as its own paragraphs are translated. <paramref name="progress"/> hears of every paragraph and every article.
    /// One bad article never stops the others.
    /// </summary>
    Task<TranslationRun> TranslateAsync(IReadOnlyList<ArticleSource> articles, string? outputDirectory, IArticleProgress? progress, CancellationToken cancellationToken);
}

/// <summary>An article to translate: a file to read, or text already in memory (in the article format).</summary>
/// <param name="Name">The name its outputs go by (a file's name without extension).</param>
/// <param name="Path">The file, or null when <paramref name="Text"/> is given.</param>
/// <param name="Text">The article text, or null to read <paramref name="Path"/>.</param>
public sealed record ArticleSource(string Name, string? Path, string? Text = null)
{
    /// <summary>An article file.</summary>
    public static ArticleSource FromFile(string path) => new(System.IO.Path.GetFileNameWithoutExtension(path), path);

    /// <summary>What names the article in messages: its path, else its name.</summary>
    public string Label => Path ?? Name;
}

/// <summary>What a <see cref="IArticlePipeline.TranslateAsync"/> call did.</summary>
/// <param name="Articles">One report per source, in order.</param>
/// <param name="Statistics">What the translation cost.</param>
public sealed record TranslationRun(IReadOnlyList<ArticleReport> Articles, Translation.TranslationStatistics Statistics);

/// <summary>Hears how a translation run goes; calls may come from several threads, one article's in order.</summary>
public interface IArticleProgress
{
    /// <summary>An article was read (<paramref name="article"/>) or refused (null, with the reason in <paramref name="report"/>).</summary>
    ValueTask ReadAsync(int index, Article? article, ArticleReport? report);

    /// <summary>One more paragraph of article <paramref name="index"/> is translated (or failed): <paramref name="done"/> of <paramref name="total"/>.</summary>
    void ParagraphDone(int index, int done, int total);

    /// <summary>Article <paramref name="index"/> is finished: written (<paramref name="document"/> is what was written), or failed with the reason in <paramref name="report"/>.</summary>
    ValueTask ArticleDoneAsync(int index, ArticleReport report, BilingualDocument? document);
}
