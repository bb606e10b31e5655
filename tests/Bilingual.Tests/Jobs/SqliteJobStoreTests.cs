using Bilingual.Core.Jobs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Jobs;

public sealed class SqliteJobStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bilingual-jobs-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private SqliteJobStore Store() => new(Options.Create(new JobOptions { DatabasePath = Path.Combine(_root, "jobs.db"), RetentionHours = 168, IdempotencyHours = 24 }), _time);

    private static JobSubmission Submission(string text = "Een zin.") => new([new SubmittedArticle("a", text), new SubmittedArticle("b", "Twee.")]);

    [Fact]
    public async Task CreateAsync_ThenGet_StoresTheJobQueuedWithItsArticles()
    {
        using var store = Store();

        var (job, created) = await store.CreateAsync(Submission(), "newsroom", "offline", "nl", "en", null, "h1", CancellationToken.None);

        Assert.True(created);
        var read = await store.GetAsync(job.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Queued, read!.Status);
        Assert.Equal(["a", "b"], read.Articles.Select(a => a.Name));
        Assert.Equal(_time.GetUtcNow().AddHours(168), read.ExpiresAt);
        Assert.Equal("Een zin.", (await store.GetArticlesAsync(job.Id, CancellationToken.None))[0].Text);
    }

    [Fact]
    public async Task CreateAsync_SameKey_SameHashReturnsTheJobOtherHashThrows()
    {
        using var store = Store();
        var (first, _) = await store.CreateAsync(Submission(), "newsroom", "offline", "nl", "en", "k", "h1", CancellationToken.None);

        var (again, created) = await store.CreateAsync(Submission(), "newsroom", "offline", "nl", "en", "k", "h1", CancellationToken.None);
        var otherClient = await store.CreateAsync(Submission(), "archive", "offline", "nl", "en", "k", "h2", CancellationToken.None);

        Assert.False(created);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, otherClient.Job.Id);
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => store.CreateAsync(Submission(), "newsroom", "offline", "nl", "en", "k", "h2", CancellationToken.None));
    }

    [Fact]
    public async Task ListUnfinishedAsync_AfterARestart_FindsQueuedAndRunningNotFinished()
    {
        string queued, running, done;
        using (var store = Store())
        {
            queued = (await store.CreateAsync(Submission(), "c", "offline", "nl", "en", null, "1", CancellationToken.None)).Job.Id;
            _time.Advance(TimeSpan.FromSeconds(1));
            running = (await store.CreateAsync(Submission(), "c", "offline", "nl", "en", null, "2", CancellationToken.None)).Job.Id;
            done = (await store.CreateAsync(Submission(), "c", "offline", "nl", "en", null, "3", CancellationToken.None)).Job.Id;
            await store.StartAsync(running, CancellationToken.None);
            await store.FinishAsync(done, JobStatus.Succeeded, JobTotals.Zero, null, CancellationToken.None);
        }

        // A new store on the same file: what a restarted process sees.
        using var restarted = Store();
        var unfinished = await restarted.ListUnfinishedAsync(CancellationToken.None);

        Assert.Equal([queued, running], unfinished);
    }

    [Fact]
    public async Task DeleteExpiredAsync_PastRetention_DeletesFinishedJobsOnlyAndForgetsKeys()
    {
        using var store = Store();
        var finished = (await store.CreateAsync(Submission(), "c", "offline", "nl", "en", "key", "h", CancellationToken.None)).Job.Id;
        var waiting = (await store.CreateAsync(Submission(), "c", "offline", "nl", "en", null, "h2", CancellationToken.None)).Job.Id;
        await store.FinishAsync(finished, JobStatus.Succeeded, new JobTotals(1, 10, 0), null, CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(167));
        Assert.Empty(await store.DeleteExpiredAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromHours(2));
        var deleted = await store.DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal([finished], deleted);
        Assert.Null(await store.GetAsync(finished, CancellationToken.None));
        Assert.NotNull(await store.GetAsync(waiting, CancellationToken.None));
        // The key outlived its 24 hours: the same key now makes a new job.
        Assert.True((await store.CreateAsync(Submission(), "c", "offline", "nl", "en", "key", "other", CancellationToken.None)).Created);
    }
}
