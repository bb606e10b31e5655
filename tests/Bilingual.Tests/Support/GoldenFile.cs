namespace Bilingual.Tests.Support;

/// <summary>Golden files under <c>Fixtures/writing/</c>: outputs compared byte for byte.</summary>
internal static class GoldenFile
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the golden file <paramref name="name"/>. To accept a deliberate
    /// change, run the tests with <c>BILINGUAL_UPDATE_GOLDEN=1</c>: the golden file in the source tree is rewritten.
    /// </summary>
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("BILINGUAL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Bilingual.Tests", "Fixtures", "writing", name), actual);
            return;
        }

        Assert.Equal(File.ReadAllText(TestPaths.Fixture("writing", name)), actual);
    }
}
