using System.Threading.Channels;

namespace Bilingual.Core.Jobs;

/// <summary>
/// The in-process queue of job ids between the service that accepts jobs and the runner that works them. It holds
/// only ids: the jobs themselves are in the store, so a restart loses nothing (the runner re-queues unfinished jobs).
/// </summary>
internal sealed class JobQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    /// <summary>Creates the queue and reports its depth to <see cref="JobTelemetry"/>.</summary>
    public JobQueue() => JobTelemetry.ObserveQueue(() => Count);

    /// <summary>Queues a job.</summary>
    public void Enqueue(string id) => _ids.Writer.TryWrite(id);

    /// <summary>The queued ids, as they come.</summary>
    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _ids.Reader.ReadAllAsync(cancellationToken);

    /// <summary>How many ids wait.</summary>
    public int Count => _ids.Reader.Count;
}
