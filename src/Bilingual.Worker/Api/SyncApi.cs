using Bilingual.Core.Documents;
using Bilingual.Core.Jobs;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Reading;
using Bilingual.Core.Translation;
using Bilingual.Core.Writing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Api;

/// <summary><c>/v1/translate</c> and <c>/v1/align</c>: one short article translated, one pair aligned, in one answer.</summary>
internal static class SyncApi
{
    /// <summary>The media type of a TMX answer.</summary>
    public const string TmxMediaType = "application/x-tmx+xml";

    /// <summary>Maps the synchronous endpoints onto <paramref name="v1"/>.</summary>
    public static RouteGroupBuilder MapSyncApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/translate", TranslateAsync).WithTags("Translate").WithName("Translate")
            .WithSummary("Translate one short article: the edition and the aligned beads")
            .WithDescription("Up to Api:MaxSyncCharacters (default 20,000) characters; a longer article is 413: submit it to /v1/jobs.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
        v1.MapPost("/align", AlignAsync).WithTags("Align").WithName("Align")
            .WithSummary("Align a text with its translation (optionally through a machine-translated bridge): beads as JSON, or TMX with Accept: application/x-tmx+xml")
            .Produces<AlignResponse>(StatusCodes.Status200OK).Produces(StatusCodes.Status200OK, contentType: TmxMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return v1;
    }

    private static async Task<Results<Ok<TranslateResponse>, ProblemHttpResult>> TranslateAsync(
        TranslateRequest request, HttpContext context, IArticlePipelineFactory pipelines, IOptions<TranslationOptions> translation,
        IOptions<ApiHostOptions> options, CharacterBudgets budgets, CancellationToken cancellationToken)
    {
        if (request.Text is null)
        {
            return Problems.Of(Problems.InvalidRequest, "the body needs a 'text'");
        }

        if (request.Text.Length > options.Value.MaxSyncCharacters)
        {
            return Problems.Of(Problems.TooLarge,
                $"the article has {request.Text.Length:N0} characters, more than /v1/translate takes ({options.Value.MaxSyncCharacters:N0}, Api:MaxSyncCharacters): submit it to POST /v1/jobs");
        }

        if (budgets.Spend(ApiClients.ClientOf(context), request.Text.Length, context) is { } refused)
        {
            return refused;
        }

        var configured = translation.Value;
        IArticlePipeline pipeline;
        try
        {
            pipeline = pipelines.Create(request.Backend ?? configured.Backend, request.From ?? configured.From, request.To ?? configured.To);
        }
        catch (Exception e) when (CommandErrors.Describe(e) is { } message)
        {
            return Problems.Of(Problems.InvalidRequest, message);
        }

        var captured = new Captured();
        var run = await pipeline.TranslateAsync([new ArticleSource(request.Name ?? "article", null, request.Text)], null, captured, cancellationToken);
        var report = run.Articles[0];
        if (captured.Document is not { } document)
        {
            return Problems.Of(report.Paragraphs == 0 ? Problems.InvalidArticle : Problems.BackendFailed, report.Error ?? "the article was not translated");
        }

        return TypedResults.Ok(new TranslateResponse(
            EditionWriter.Render(document), document.Provenance.Backend, document.Provenance.IsGloss, report.CacheHits, report.BackendRequests, Views(document)));
    }

    private static async Task<Results<Ok<AlignResponse>, FileContentHttpResult, ProblemHttpResult>> AlignAsync(
        AlignRequestBody request, HttpContext context, IAlignmentJob alignment, IOptions<TranslationOptions> translation,
        [FromKeyedServices(WriterKeys.Tmx)] IDocumentWriter tmx, CancellationToken cancellationToken)
    {
        if (request.Source is null || request.Target is null)
        {
            return Problems.Of(Problems.InvalidRequest, "the body needs a 'source' and a 'target'");
        }

        var settings = new AlignmentSettings(request.From ?? translation.Value.From, request.To ?? translation.Value.To);
        AlignedPair aligned;
        try
        {
            aligned = alignment.AlignTexts(request.Source, request.Target, request.Bridge, settings);
        }
        catch (Exception e) when (e is ArticleFormatException or JobInputException)
        {
            return Problems.Of(Problems.InvalidArticle, e.Message);
        }

        var document = alignment.ToDocument(aligned, request.Name ?? "aligned", settings);
        if (!context.Request.Headers.Accept.ToString().Contains(TmxMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(new AlignResponse(Views(document)));
        }

        var folder = Directory.CreateTempSubdirectory("bilingual-align-");
        try
        {
            var path = await tmx.WriteAsync(document, folder.FullName, cancellationToken);
            return TypedResults.File(await File.ReadAllBytesAsync(path, cancellationToken), TmxMediaType, Path.GetFileName(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<ParagraphBeads> Views(BilingualDocument document) => [.. document.Paragraphs.Select(p => new ParagraphBeads(
        p.IsHeading,
        [.. p.SourceSegments.Select(s => s.Text)],
        [.. p.TargetSegments.Select(s => s.Text)],
        [.. p.Beads.Select(b => new BeadView(b.Source, b.Target, b.Confidence, [.. b.Flags.Select(f => f.KindName)]))]))];

    /// <summary>Keeps the one document a synchronous translation produces.</summary>
    private sealed class Captured : IArticleProgress
    {
        public BilingualDocument? Document { get; private set; }

        public ValueTask ReadAsync(int index, Article? article, ArticleReport? report) => ValueTask.CompletedTask;

        public void ParagraphDone(int index, int done, int total)
        {
        }

        public ValueTask ArticleDoneAsync(int index, ArticleReport report, BilingualDocument? document)
        {
            Document = document;
            return ValueTask.CompletedTask;
        }
    }
}
