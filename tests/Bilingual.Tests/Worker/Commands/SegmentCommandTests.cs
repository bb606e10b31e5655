using System.CommandLine;
using Bilingual.Core;
using Bilingual.Core.Segmentation;
using Bilingual.Tests.Support;
using Bilingual.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Worker.Commands;

public sealed class SegmentCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("segment-command-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_PlainStandardInput_PrintsOneSentenceALine()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SegmentCommand.RunAsync(
            BuildServices,
            new SegmentCommand.SegmentArguments("nl", null, null, Plain: true),
            new StringReader("Er kwamen o.a. 300 mensen.\nVolgens dr. Jansen was het rustig. Kernwapens"),
            output,
            error,
            CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal(["Er kwamen o.a. 300 mensen.", "Volgens dr. Jansen was het rustig.", "Kernwapens"], Lines(output.ToString()));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Invoke_SeedArticle_LeavesOutTheMetadataAndPrintsHeadingsOnTheirOwnLine()
    {
        var seed = Path.Combine(TestPaths.RepositoryRoot, "seeds", "000_e36221037867b85e.txt");

        var (exit, output, error) = await InvokeAsync("segment", "--lang", "nl", seed);

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").Split('\n').ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("date ", StringComparison.Ordinal));
        // A heading is a line of its own between blank lines, never glued to the next sentence.
        var heading = lines.IndexOf("Kernwapens");
        Assert.True(heading > 0, output);
        Assert.Equal("", lines[heading - 1]);
        Assert.Equal("", lines[heading + 1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("Kernwapens ", StringComparison.Ordinal));
        Assert.Empty(error);
    }

    [Fact]
    public async Task Invoke_Plain_SplitsTheTextAsItStands()
    {
        var file = await WriteAsync("plain.txt", "date 2023-04 Kernwapens\n\nRusland gaat wapens plaatsen.");

        var (exit, output, _) = await InvokeAsync("segment", "--lang", "nl", "--plain", file);

        Assert.Equal(0, exit);
        Assert.StartsWith("date 2023-04 Kernwapens", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_FileArgument_SegmentsTheFile()
    {
        var file = await WriteAsync("input.txt", "I live in the U.S. How about you? Fine.");

        var (exit, output, error) = await InvokeAsync("segment", "--lang", "en", file);

        Assert.Equal(0, exit);
        Assert.Equal(["I live in the U.S.", "How about you?", "Fine."], Lines(output));
        Assert.Empty(error);
    }

    [Fact]
    public async Task Invoke_MissingFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(_directory, "missing.txt");

        var (exit, output, error) = await InvokeAsync("segment", "--lang", "nl", missing);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MissingSrxFile_ExitsTwoNamingTheFile()
    {
        var file = await WriteAsync("input.txt", "Een zin.");
        var srx = Path.Combine(_directory, "absent.srx");

        var (exit, _, error) = await InvokeAsync("segment", "--lang", "nl", "--srx", srx, file);

        Assert.Equal(2, exit);
        Assert.Contains(srx, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_BadSrxPattern_ExitsTwoNamingFileRuleAndPattern()
    {
        var file = await WriteAsync("input.txt", "Een zin. Nog een.");
        var srx = await WriteSrxAsync("bad.srx", "[.!?");

        var (exit, output, error) = await InvokeAsync("segment", "--lang", "nl", "--srx", srx, file);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(srx, error, StringComparison.Ordinal);
        Assert.Contains("language rule 'All' rule 1", error, StringComparison.Ordinal);
        Assert.Contains("[.!?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_SrxOption_UsesTheRulesFile()
    {
        var file = await WriteAsync("input.txt", "een; twee; drie");
        var srx = await WriteSrxAsync("semicolon.srx", ";");

        var (exit, output, _) = await InvokeAsync("segment", "--lang", "nl", "--plain", "--srx", srx, file);

        Assert.Equal(0, exit);
        Assert.Equal(["een;", "twee;", "drie"], Lines(output));
    }

    [SkippableFact]
    public async Task Invoke_RealLanguageToolRules_SegmentsEnglish()
    {
        var srx = TestPaths.RequireShared("data", "segmentation", "languagetool-segment.srx");
        var file = await WriteAsync("input.txt", "Hello World. My name is Jonas.");

        var (exit, output, _) = await InvokeAsync("segment", "--lang", "en", "--srx", srx, file);

        Assert.Equal(0, exit);
        Assert.Equal(["Hello World.", "My name is Jonas."], Lines(output));
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>An SRX file with one break rule for every language: a break after <paramref name="before"/> before a space.</summary>
    private Task<string> WriteSrxAsync(string name, string before) => WriteAsync(name, $"""
        <srx version="2.0"><header cascade="no"/><body><languagerules><languagerule languagerulename="All">
        <rule><beforebreak>{before}</beforebreak><afterbreak>\s</afterbreak></rule>
        </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="All"/></maprules></body></srx>
        """);

    private static IServiceProvider BuildServices(IConfiguration configuration) => BilingualConfiguration.BuildServices(configuration);

    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var root = new RootCommand { SegmentCommand.Create(BuildServices) };
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string output) =>
        output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
