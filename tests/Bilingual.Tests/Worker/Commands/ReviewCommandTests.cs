using System.CommandLine;
using Bilingual.Core;
using Bilingual.Core.Review;
using Bilingual.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Worker.Commands;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("review-command-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IServiceProvider BuildServices(IConfiguration configuration) => BilingualConfiguration.BuildServices(configuration);

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithAsync(BuildServices, args);

    private static async Task<(int Exit, string Output, string Error)> RunWithAsync(Func<IConfiguration, IServiceProvider> buildServices, params string[] args)
    {
        var root = new RootCommand { ReviewCommand.Create(buildServices) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Apply_ChangesJson_StoresCorrectionsInTheGivenMemory()
    {
        var changes = await WriteChangesAsync();
        var database = Path.Combine(_directory, "tm.db");

        var (exit, output, error) = await RunAsync("review", "apply", changes, "--cache", database);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("1 corrected", output, StringComparison.Ordinal);
        Assert.Contains(database, output, StringComparison.Ordinal);
        var store = BuildServices(new ConfigurationBuilder().AddInMemoryCollection([new("Cache:Path", database)]).Build()).GetRequiredService<IReviewStore>();
        var found = await store.FindAsync("nl", "en", ["Een."], CancellationToken.None);
        Assert.Equal("One.", found["Een."].TargetText);
    }

    [Fact]
    public async Task Apply_CorrectedTmx_StoresItsReviewedUnits()
    {
        var tmx = Path.Combine(_directory, "doc.reviewed.tmx");
        await File.WriteAllTextAsync(tmx, """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="Bilingual" creationtoolversion="1.0" segtype="sentence" o-tmf="Bilingual" adminlang="en" srclang="nl" datatype="plaintext"/>
              <body>
                <tu tuid="p0-b0"><tuv xml:lang="nl"><seg>Een.</seg></tuv><tuv xml:lang="en"><seg>One.</seg></tuv></tu>
                <tu tuid="p0-b1" changedate="20230408T093000Z"><prop type="x-status">accepted</prop>
                  <tuv xml:lang="nl"><seg>Twee.</seg></tuv><tuv xml:lang="en"><seg>Two.</seg></tuv></tu>
              </body>
            </tmx>
            """);
        var database = Path.Combine(_directory, "tm.db");

        var (exit, output, _) = await RunAsync("review", "apply", tmx, "--cache", database, "--reviewer", "bob");

        Assert.Equal(0, exit);
        Assert.Contains("1 reviewed segments in doc.reviewed.tmx (1 accepted)", output, StringComparison.Ordinal);
        var store = BuildServices(new ConfigurationBuilder().AddInMemoryCollection([new("Cache:Path", database)]).Build()).GetRequiredService<IReviewStore>();
        var found = await store.FindAsync("nl", "en", ["Een.", "Twee."], CancellationToken.None);
        Assert.Equal("bob", Assert.Single(found).Value.Reviewer);
    }

    [Fact]
    public async Task Apply_MissingFile_FailsWithMessage()
    {
        var (exit, _, error) = await RunAsync("review", "apply", Path.Combine(_directory, "absent.json"), "--cache", Path.Combine(_directory, "tm.db"));

        Assert.Equal(2, exit);
        Assert.Contains("absent.json: no such file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "tm.db")));
    }

    [Fact]
    public async Task Apply_Folder_SaysItIsAFolder()
    {
        var (exit, _, error) = await RunAsync("review", "apply", _directory, "--cache", Path.Combine(_directory, "tm.db"));

        Assert.Equal(2, exit);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_InvalidReviewOptions_FailsWithAConfigurationMessage()
    {
        var changes = await WriteChangesAsync();
        var (exit, _, error) = await RunWithAsync(
            configuration => BuildServices(new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Review:LowConfidence"] = "0.9", ["Review:HighConfidence"] = "0.5" })
                .Build()),
            "review", "apply", changes, "--cache", Path.Combine(_directory, "tm.db"));

        Assert.True(exit == 2, error);
        Assert.Contains("configuration error", error, StringComparison.Ordinal);
        Assert.Contains("LowConfidence", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_MalformedFile_FailsWithMessage()
    {
        var changes = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(changes, "{\"format\": \"other\"}");

        var (exit, _, error) = await RunAsync("review", "apply", changes, "--cache", Path.Combine(_directory, "tm.db"));

        // A bad input file is an input error (2); 1 is kept for "an article failed".
        Assert.Equal(2, exit);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
    }

    /// <summary>A changes file with one correction (Een. → One., reviewer anna).</summary>
    private async Task<string> WriteChangesAsync()
    {
        var changes = Path.Combine(_directory, "doc.review.json");
        await File.WriteAllTextAsync(changes, """
            {"format": "bilingual-review-changes", "version": 1, "sourceLanguage": "nl", "targetLanguage": "en", "reviewer": "anna",
             "changes": [{"id": "p0-b0", "source": "Een.", "originalTarget": "Won.", "target": "One.", "status": null, "changedAt": "2023-04-08T09:30:00Z"}]}
            """);
        return changes;
    }
}
