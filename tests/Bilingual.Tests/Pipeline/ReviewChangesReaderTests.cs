using System.Text;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Review;

namespace Bilingual.Tests.Pipeline;

public sealed class ReviewChangesReaderTests
{
    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private const string Changes = """
        {
          "format": "bilingual-review-changes", "version": 1, "document": "belarus-2023-04", "digest": "0123",
          "sourceLanguage": "nl", "targetLanguage": "en", "reviewer": "anna", "exportedAt": "2023-04-08T10:00:00.000Z",
          "changes": [
            { "id": "p1-b0", "row": 3, "source": "Volgens een verdrag uit 1996.", "originalTarget": "Under a 1995 treaty.",
              "target": "Under a 1996 treaty.", "status": "accepted", "comment": "year", "reviewer": null, "changedAt": "2023-04-08T09:30:00.000Z" },
            { "id": "p0-b1", "row": 2, "source": "Woensdag.", "originalTarget": "Wednesday.", "target": "Wednesday.",
              "status": "needs-review", "comment": null, "reviewer": "bob", "changedAt": "2023-04-08T09:31:00.000Z" },
            { "id": "p2-b1", "row": 9, "source": "", "originalTarget": "Added.", "target": "Added.", "status": "accepted" },
            { "id": "p3-b0", "row": 10, "source": "Kernwapens", "originalTarget": "Nuclear weapons", "target": "Nuclear weapons", "status": null }
          ]
        }
        """;

    [Fact]
    public void ReadJson_EditedTarget_IsACorrectionWhateverTheStatusAndUndecidedRowsAreSkipped()
    {
        var corrections = ReviewChangesReader.ReadJson(Utf8(Changes));

        Assert.Equal(2, corrections.Count);
        var edited = corrections[0];
        Assert.Equal(ReviewStatus.Corrected, edited.Status);
        Assert.Equal("Under a 1996 treaty.", edited.TargetText);
        Assert.Equal("anna", edited.Reviewer);
        Assert.Equal("year", edited.Comment);
        Assert.Equal(new DateTimeOffset(2023, 4, 8, 9, 30, 0, TimeSpan.Zero), edited.ChangedAt);
        Assert.Equal(("nl", "en"), (edited.SourceLanguage, edited.TargetLanguage));
    }

    [Fact]
    public void ReadJson_MarkWithoutEdit_KeepsStatusAndOwnReviewer()
    {
        var mark = ReviewChangesReader.ReadJson(Utf8(Changes))[1];

        Assert.Equal(ReviewStatus.NeedsReview, mark.Status);
        Assert.Equal("Wednesday.", mark.TargetText);
        Assert.Equal("bob", mark.Reviewer);
        Assert.Null(mark.Comment);
    }

    [Theory]
    [InlineData("""{"format": "something-else", "version": 1}""")]
    [InlineData("""{"format": "bilingual-review-changes", "version": 1, "sourceLanguage": "nl", "targetLanguage": "en", "changes": [{"source": "x", "status": "maybe"}]}""")]
    [InlineData("""{"format": "bilingual-review-changes", "version": 1, "sourceLanguage": "nl", """)]
    public void ReadJson_Invalid_ThrowsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => ReviewChangesReader.ReadJson(Utf8(json)));
    }

    [Fact]
    public async Task ReadTmxAsync_ReadsOnlyReviewedUnits()
    {
        const string tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="Bilingual" creationtoolversion="1.0" segtype="sentence" o-tmf="Bilingual" adminlang="en" srclang="nl" datatype="plaintext"/>
              <body>
                <tu tuid="p0-b0"><prop type="x-bead">1-1</prop>
                  <tuv xml:lang="nl"><seg>Een.</seg></tuv><tuv xml:lang="en"><seg>One.</seg></tuv></tu>
                <tu tuid="p0-b1" changeid="anna" changedate="20230408T093000Z"><prop type="x-status">corrected</prop><note>A &amp; B</note>
                  <tuv xml:lang="nl"><seg>Twee &lt;b&gt;.</seg></tuv><tuv xml:lang="en"><seg>Two &lt;b&gt;.</seg></tuv></tu>
              </body>
            </tmx>
            """;

        var correction = Assert.Single(await ReviewChangesReader.ReadTmxAsync(Utf8(tmx), null, CancellationToken.None));

        Assert.Equal(new ReviewCorrection("nl", "en", "Twee <b>.", "Two <b>.", "corrected", "anna", new DateTimeOffset(2023, 4, 8, 9, 30, 0, TimeSpan.Zero), "A & B"), correction);
    }

    [Fact]
    public async Task ReadAsync_DetectsTheFormatByContent()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, Changes, Encoding.UTF8); // with a byte order mark
            Assert.Equal(2, (await ReviewChangesReader.ReadAsync(path, null, CancellationToken.None)).Count);
            await File.WriteAllTextAsync(path, "not a changes file");
            await Assert.ThrowsAsync<InvalidDataException>(() => ReviewChangesReader.ReadAsync(path, null, CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
