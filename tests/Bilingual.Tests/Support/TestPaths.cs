namespace Bilingual.Tests.Support;

/// <summary>Where the repository, its fixtures and the read-only <c>../shared</c> folder are.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the folder that holds <c>Bilingual.sln</c>.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The <c>shared</c> folder beside the repository root (may not exist on a plain clone).</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>True under CI (<c>CI=true</c>), where a missing tool is a failure rather than a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file or folder under the test project's own <c>Fixtures/</c>, copied to the output folder.</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    /// <summary>
    /// A path under <c>../shared</c>. When it is absent the calling <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>
    /// is reported as skipped, naming what was missing, rather than passing silently.
    /// </summary>
    public static string RequireShared(params string[] parts)
    {
        var path = Path.Combine([SharedRoot, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"needs {path} (the shared/ folder beside the repository), which is absent");
        return path;
    }

    /// <summary>
    /// An executable on PATH. When it is absent outside CI the test is skipped with the reason; under CI
    /// (<c>CI=true</c>) a missing tool fails the test, since <c>.ci/run</c> installs every tool the tests need.
    /// </summary>
    public static string RequireTool(string name, string debianPackage)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var message = $"needs '{name}' on PATH (Debian package {debianPackage})";
        if (IsCi)
        {
            Assert.Fail(message + "; .ci/run should have installed it");
        }

        Skip.If(true, message);
        return name;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bilingual.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Bilingual.sln not found above {AppContext.BaseDirectory}");
    }
}
