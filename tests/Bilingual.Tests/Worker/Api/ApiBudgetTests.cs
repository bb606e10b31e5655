using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Bilingual.Tests.Worker.Api;

/// <summary>Per-client budgets and the body limit.</summary>
public sealed class ApiBudgetTests
{
    [Fact]
    public async Task Requests_OverRequestsPerMinute_Are429WithRetryAfter()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:Clients:newsroom:RequestsPerMinute"] = "2" });

        await server.Client.GetAsync("/v1/jobs/a");
        await server.Client.GetAsync("/v1/jobs/b");
        var third = await server.Client.GetAsync("/v1/jobs/c");

        await ApiHostTests.AssertProblemAsync(third, HttpStatusCode.TooManyRequests, "urn:bilingual:problem:rate-limited");
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task PostJobs_OverCharactersPerDay_Is429WithRetryAfter()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:Clients:newsroom:CharactersPerDay"] = "100" });

        var first = await server.SubmitAsync([("a", "Een korte zin van zestig tekens, ongeveer, meer is het niet.")]);
        var second = await server.SubmitAsync([("b", "Een korte zin van zestig tekens, ongeveer, meer is het niet.")]);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await ApiHostTests.AssertProblemAsync(second, HttpStatusCode.TooManyRequests, "urn:bilingual:problem:rate-limited");
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.FromHours(23));
    }

    [Fact]
    public async Task PostJobs_BodyOverTheLimit_Is413ProblemJson()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:MaxRequestBytes"] = "2048" });

        var response = await server.Client.PostAsync("/v1/jobs", new StringContent(
            "{\"articles\":[{\"name\":\"a\",\"text\":\"" + new string('x', 4096) + "\"}]}", Encoding.UTF8, "application/json"));

        await ApiHostTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "urn:bilingual:problem:too-large");
    }
}
