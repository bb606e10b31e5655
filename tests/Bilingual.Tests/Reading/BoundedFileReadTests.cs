using Bilingual.Core.Reading;
using Bilingual.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bilingual.Tests.Reading;

public sealed class BoundedFileReadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bilingual-bounded-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableFact]
    public async Task ReadAsync_PipeNobodyWrites_TimesOutOnTheClockNotForEver()
    {
        var pipe = Faults.MakeNamedPipe(Path.Combine(_directory, "pipe.txt"));
        var time = new FakeTimeProvider();
        var read = BoundedFileRead.ReadAsync(pipe, 1024, TimeSpan.FromSeconds(30), time, CancellationToken.None);
        try
        {
            Assert.False(read.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(30));

            await Assert.ThrowsAsync<TimeoutException>(() => read);
        }
        finally
        {
            // The abandoned open is still waiting in the kernel: give it a writer so its thread ends.
            Faults.ReleaseNamedPipe(pipe);
        }
    }

    [Fact]
    public async Task ReadAsync_FileOverTheLimit_ReturnsNullWithoutReadingIt()
    {
        var path = Path.Combine(_directory, "big.txt");
        await File.WriteAllBytesAsync(path, new byte[4096]);

        Assert.Null(await BoundedFileRead.ReadAsync(path, 1024, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None));
        Assert.Equal(4096, (await BoundedFileRead.ReadAsync(path, 4096, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None))!.Length);
    }
}
