using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bilingual.Tests.EndToEnd;

namespace Bilingual.Tests.Worker.Api;

/// <summary>The HTTP API against a local Translator v3 fake: every endpoint and every error, over real HTTP on 127.0.0.1.</summary>
public sealed class ApiHostTests : IAsyncLifetime
{
    private const string Short = "date 2023-04 Poetin kwam naar Minsk. Hij bleef twee dagen.\n\nKernwapens\n\nDaarna vertrok hij weer.";

    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(new Dictionary<string, string?>
    {
        ["Api:MaxSyncCharacters"] = "5000",
        ["Api:Clients:newsroom:RequestsPerMinute"] = "1000",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PostJobs_Seed_Answers202ThenSucceedsWithDownloadableOutputs()
    {
        var seed = await File.ReadAllTextAsync(TranslateJob.SeedPath);

        var accepted = await _server.SubmitAsync([("belarus", seed), ("short", Short)]);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"/v1/jobs/{id}", accepted.Headers.Location?.OriginalString);
        Assert.NotNull(accepted.Headers.RetryAfter);
        var job = await _server.WaitAsync(id);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var article = job.GetProperty("articles")[0];
        Assert.Equal(12, article.GetProperty("paragraphsDone").GetInt32());
        Assert.Equal(12, article.GetProperty("paragraphsTotal").GetInt32());
        Assert.True(job.GetProperty("totals").GetProperty("backendRequests").GetInt32() >= 1);
        Assert.True(job.TryGetProperty("finishedAt", out _));

        var edition = await _server.Client.GetAsync($"/v1/jobs/{id}/articles/belarus/edition");
        Assert.Equal("text/plain; charset=utf-8", edition.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("date 2023-04", await edition.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tmx = await _server.Client.GetAsync($"/v1/jobs/{id}/articles/belarus/tmx");
        Assert.Equal("application/x-tmx+xml", tmx.Content.Headers.ContentType?.MediaType);
        var review = await _server.Client.GetAsync($"/v1/jobs/{id}/articles/short/review");
        Assert.Equal("text/html", review.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'", review.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Results stay: a second download answers the same.
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync($"/v1/jobs/{id}/articles/belarus/edition")).StatusCode);
    }

    [Fact]
    public async Task PostJobs_BadArticle_FailsThatArticleOnlyWithTheReadersMessage()
    {
        var accepted = await _server.SubmitAsync([("good", Short), ("empty", "date 2023-04")]);

        var job = await _server.WaitAsync((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        Assert.Equal("partiallySucceeded", job.GetProperty("status").GetString());
        var empty = job.GetProperty("articles")[1];
        Assert.Equal("failed", empty.GetProperty("status").GetString());
        Assert.Contains("only metadata", empty.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("succeeded", job.GetProperty("articles")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task PostJobs_SameIdempotencyKey_ReturnsTheSameJobAndAnotherBodyIs422()
    {
        var first = await _server.SubmitAsync([("short", Short)], "key-1");
        var again = await _server.SubmitAsync([("short", Short)], "key-1");
        var other = await _server.SubmitAsync([("other", Short)], "key-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "urn:bilingual:problem:idempotency-key-reused");
    }

    [Fact]
    public async Task Requests_WithoutOrWithAWrongKey_Are401AndADisabledClientIs403()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        await AssertProblemAsync(await anonymous.GetAsync("/v1/jobs/x"), HttpStatusCode.Unauthorized, "urn:bilingual:problem:unauthorized");

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key-0123456789abcdef");
        await AssertProblemAsync(await anonymous.GetAsync("/v1/jobs/x"), HttpStatusCode.Unauthorized, "urn:bilingual:problem:unauthorized");

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.ArchiveKey);
        await AssertProblemAsync(await anonymous.GetAsync("/v1/jobs/x"), HttpStatusCode.Forbidden, "urn:bilingual:problem:forbidden");
    }

    [Fact]
    public async Task GetJob_UnknownOrAnotherClients_Is404()
    {
        await AssertProblemAsync(await _server.Client.GetAsync("/v1/jobs/nosuchjob"), HttpStatusCode.NotFound, "urn:bilingual:problem:not-found");
        await AssertProblemAsync(await _server.Client.GetAsync("/v1/jobs/nosuchjob/articles/a/edition"), HttpStatusCode.NotFound, "urn:bilingual:problem:not-found");
    }

    [Fact]
    public async Task PostJobs_Malformed_Is400ProblemJson()
    {
        var response = await _server.Client.PostAsync("/v1/jobs", new StringContent("{\"articles\": [", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "urn:bilingual:problem:invalid-request");

        var duplicate = await _server.SubmitAsync([("same", Short), ("same", Short)]);
        await AssertProblemAsync(duplicate, HttpStatusCode.BadRequest, "urn:bilingual:problem:invalid-request");
    }

    [Fact]
    public async Task PostTranslate_ShortArticle_AnswersTheEditionAndBeads()
    {
        var response = await _server.Client.PostAsJsonAsync("/v1/translate", new { text = Short });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("date 2023-04", body.GetProperty("edition").GetString(), StringComparison.Ordinal);
        var paragraphs = body.GetProperty("paragraphs");
        Assert.Equal(3, paragraphs.GetArrayLength());
        Assert.True(paragraphs[1].GetProperty("heading").GetBoolean());
        Assert.Equal(2, paragraphs[0].GetProperty("beads").GetArrayLength());
    }

    [Fact]
    public async Task PostTranslate_OverTheLimit_Is413PointingToJobs()
    {
        var response = await _server.Client.PostAsJsonAsync("/v1/translate", new { text = "Een zin. " + new string('a', 6000) + "." });

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "urn:bilingual:problem:too-large");
        Assert.Contains("/v1/jobs", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAlign_Json_AndTmxWithAccept()
    {
        var body = new { source = "Poetin kwam. Hij bleef.", target = "Putin came. He stayed.", from = "nl", to = "en" };

        var json = await _server.Client.PostAsJsonAsync("/v1/align", body);
        var beads = (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paragraphs")[0].GetProperty("beads");
        Assert.Equal(2, beads.GetArrayLength());
        Assert.InRange(beads[0].GetProperty("confidence").GetDouble(), 0.0, 1.0);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/align") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/x-tmx+xml");
        var tmx = await _server.Client.SendAsync(request);
        Assert.Equal("application/x-tmx+xml", tmx.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<tu ", await tmx.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ListsEveryRoute()
    {
        var document = await _server.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/jobs", paths);
        Assert.Contains("/v1/jobs/{id}", paths);
        Assert.Contains("/v1/jobs/{id}/articles/{name}/{kind}", paths);
        Assert.Contains("/v1/translate", paths);
        Assert.Contains("/v1/align", paths);
        var jobMethods = document.GetProperty("paths").GetProperty("/v1/jobs/{id}").EnumerateObject().Select(m => m.Name).ToList();
        Assert.Contains("get", jobMethods);
        Assert.Contains("delete", jobMethods);
        Assert.Contains("urn:bilingual:problem:rate-limited", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_LiveAndReady_Answer200WithoutAKey()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task ReviewPage_HostileArticle_ServedWithScriptsInert()
    {
        var hostile = "Een <script>alert('x')</script> zin met <img src=x onerror=alert(1)>.\n\nTweede \"</td><td>\" zin.";
        var accepted = await _server.SubmitAsync([("hostile", hostile)]);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await _server.WaitAsync(id);

        var review = await _server.Client.GetAsync($"/v1/jobs/{id}/articles/hostile/review");

        var html = await review.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", review.Headers.GetValues("X-Content-Type-Options").Single());
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
