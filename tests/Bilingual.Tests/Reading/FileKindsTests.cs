using Bilingual.Core.Reading;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Reading;

public sealed class FileKindsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bilingual-kinds-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableFact]
    public void Of_EachKindOfEntry_TellsThemApart()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the kinds are asked of Linux");
        var file = Path.Combine(_directory, "a.txt");
        File.WriteAllText(file, "Een.");

        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_directory));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(_directory, "none.txt")));
        Assert.Equal(FileKind.NamedPipe, FileKinds.Of(Faults.MakeNamedPipe(Path.Combine(_directory, "pipe.txt"))));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/zero"));
    }

    [SkippableFact]
    public void Of_SymbolicLinkToAFile_IsTheFile()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the kinds are asked of Linux");
        var file = Path.Combine(_directory, "a.txt");
        File.WriteAllText(file, "Een.");
        var link = Path.Combine(_directory, "link.txt");
        File.CreateSymbolicLink(link, file);

        Assert.Equal(FileKind.Regular, FileKinds.Of(link));
    }
}
