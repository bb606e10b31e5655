using System.Globalization;
using System.Threading.RateLimiting;
using Bilingual.Core;
using Bilingual.Core.Jobs;
using Bilingual.Core.Translation;
using Bilingual.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Api;

/// <summary>
/// The HTTP service (<c>bilingual serve</c>): Kestrel with the minimal-API endpoints of <c>/v1</c>, the jobs behind them,
/// API keys and per-client budgets, problem details for every error, the OpenAPI document and health checks. Its
/// configuration and services are the ones every command builds (<see cref="BilingualConfiguration"/>).
/// </summary>
internal static class ApiHost
{
    /// <summary>
    /// Builds the service, listening on <paramref name="urls"/> (or <c>Api:Urls</c>); <paramref name="configureServices"/>, when
    /// given, runs after every registration (tests put a fake clock in).
    /// </summary>
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>>? overrides, string? urls, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddBilingualSources(overrides);
        builder.Logging.AddBilingualLogging(builder.Configuration);
        builder.Services.AddBilingualJobs();
        builder.Services.AddBilingualTelemetry(builder.Configuration);
        builder.Services.AddOptions<ApiHostOptions>().BindConfiguration(ApiHostOptions.SectionName).ValidateWith<ApiHostOptions, ApiHostOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton<ApiClients>();
        builder.Services.AddSingleton<CharacterBudgets>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Bilingual";
            document.Info.Description = "Translation jobs, synchronous translation and alignment. Errors are RFC 9457 problem details; their types: "
                + string.Join("; ", Problems.All.Select(p => $"{p.Type} ({p.Status.ToString(CultureInfo.InvariantCulture)}: {p.Title})"))
                + ". Job statuses: queued, running, succeeded, partiallySucceeded, failed, cancelled.";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("store-and-backend", tags: ["ready"]);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ApiClients.TryClientOf(context) is not { } client
                    ? RateLimitPartition.GetNoLimiter("anonymous")
                    : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<ApiClients>().Budget(client).RequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var client = ApiClients.TryClientOf(rejected.HttpContext);
                await Problems.Of(Problems.RateLimited, $"client '{client}' is over its requests a minute (Api:Clients:{client}:RequestsPerMinute)").ExecuteAsync(rejected.HttpContext);
            };
        });

        configureServices?.Invoke(builder.Services);
        var options = builder.Configuration.GetSection(ApiHostOptions.SectionName);
        builder.WebHost.UseUrls(urls ?? options[nameof(ApiHostOptions.Urls)] ?? new ApiHostOptions().Urls);
        // The body limit is the bound, validated option, not a second reading of the configuration.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiHostOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBytes);

        var app = builder.Build();
        // An error the framework answers without a body (a body over the limit, malformed JSON, an unknown route) gets one too.
        app.UseStatusCodePages(async pages =>
        {
            var response = pages.HttpContext.Response;
            var type = response.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => Problems.TooLarge,
                StatusCodes.Status404NotFound => Problems.NotFound,
                StatusCodes.Status401Unauthorized => Problems.Unauthorized,
                _ => Problems.InvalidRequest,
            };
            var limit = pages.HttpContext.RequestServices.GetRequiredService<IOptions<ApiHostOptions>>().Value.MaxRequestBytes;
            var detail = response.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? string.Create(CultureInfo.InvariantCulture, $"the request body is larger than Api:MaxRequestBytes ({limit:N0} bytes)")
                : $"{pages.HttpContext.Request.Method} {pages.HttpContext.Request.Path}: the request could not be read (status {response.StatusCode.ToString(CultureInfo.InvariantCulture)})";
            await Problems.Of(type, detail, response.StatusCode).ExecuteAsync(pages.HttpContext);
        });
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/v1") && context.RequestServices.GetRequiredService<ApiClients>().Authenticate(context) is { } refused)
            {
                await refused.ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        var v1 = app.MapGroup("/v1");
        v1.MapJobsApi();
        v1.MapSyncApi();
        return app;
    }

    /// <summary>Ready: the job store answers and the configured backend has what it needs (key, endpoint, dictionary); the network is not tried.</summary>
    private sealed class ReadinessCheck(IJobStore store, ITranslationService translation) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await store.ListUnfinishedAsync(cancellationToken);
                return HealthCheckResult.Healthy($"backend {translation.Descriptor.Name} {translation.Descriptor.Version}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        }
    }
}
