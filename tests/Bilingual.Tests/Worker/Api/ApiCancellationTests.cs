using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bilingual.Benchmarks.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Worker.Api;

/// <summary>DELETE /v1/jobs/{id} while the backend holds the job's request.</summary>
public sealed class ApiCancellationTests
{
    [Fact]
    public async Task DeleteJob_WhileItsRequestIsInFlight_OutputIs409ThenTheJobEndsCancelled()
    {
        // The backend answers only when its clock moves, and it never does: the request stays in flight.
        var stalled = new FakeTimeProvider();
        await using var server = await ApiServer.StartAsync(backendOptions: new FakeTranslatorServerOptions { Latency = TimeSpan.FromHours(1), TimeProvider = stalled });
        var accepted = await server.SubmitAsync([("held", "Een zin die blijft hangen.")]);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        for (var i = 0; server.Backend.Requests.IsEmpty && i < 200; i++)
        {
            await Task.Delay(25);
        }

        // Still running: its outputs are not written yet, which is a 409, not a 404.
        await ApiHostTests.AssertProblemAsync(await server.Client.GetAsync($"/v1/jobs/{id}/articles/held/edition"), HttpStatusCode.Conflict, "urn:bilingual:problem:not-ready");

        var cancelled = await server.Client.DeleteAsync($"/v1/jobs/{id}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var job = await server.WaitAsync(id);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.Equal("cancelled", job.GetProperty("articles")[0].GetProperty("status").GetString());
        Assert.Contains("cached", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        var output = await server.Client.GetAsync($"/v1/jobs/{id}/articles/held/edition");
        Assert.Equal(HttpStatusCode.NotFound, output.StatusCode);
    }

    [Fact]
    public async Task DeleteJob_Unknown_Is404()
    {
        await using var server = await ApiServer.StartAsync();

        await ApiHostTests.AssertProblemAsync(await server.Client.DeleteAsync("/v1/jobs/nope"), HttpStatusCode.NotFound, "urn:bilingual:problem:not-found");
    }
}
