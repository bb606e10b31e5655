using Bilingual.Core.Writing;

namespace Bilingual.Tests.Writing;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Plant(string name, DateTime writtenUtc)
    {
        var path = Path.Combine(_directory.Path, name);
        File.WriteAllText(path, "half of a fi");
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }

    [Fact]
    public void RemoveStaleTemporaryFiles_MixedFolder_RemovesOnlyOurShapeWrittenBeforeTheStart()
    {
        var start = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
        var guid = Guid.NewGuid().ToString("N");
        var stale = Plant($".a.en.txt.{guid}.tmp", start.AddHours(-1));
        var inProgress = Plant($".b.en.txt.{guid}.tmp", start.AddSeconds(1));
        var upperCase = Plant($".c.tmx.{guid.ToUpperInvariant()}.tmp", start.AddHours(-1));
        var shortGuid = Plant(".d.tmx.0123abcd.tmp", start.AddHours(-1));
        var visible = Plant($"e.tmx.{guid}.tmp", start.AddHours(-1));
        var output = Plant("a.en.txt", start.AddHours(-1));
        Directory.CreateDirectory(Path.Combine(_directory.Path, "failed"));
        var nested = Path.Combine("failed", $".f.txt.{guid}.tmp");
        Plant(nested, start.AddHours(-1));

        var removed = AtomicFile.RemoveStaleTemporaryFiles(_directory.Path, start);

        Assert.Equal([stale], removed);
        Assert.All(new[] { inProgress, upperCase, shortGuid, visible, output, Path.Combine(_directory.Path, nested) }, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void RemoveStaleTemporaryFiles_MissingFolder_RemovesNothing()
    {
        Assert.Empty(AtomicFile.RemoveStaleTemporaryFiles(Path.Combine(_directory.Path, "none"), DateTime.UtcNow));
    }
}
