using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bilingual.Core.Documents;
using Bilingual.Core.Text;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Reading;

/// <summary>
/// Reads the article format of <c>seeds/</c>: an optional leading metadata token <c>date YYYY-MM</c> or
/// <c>date YYYY-MM-DD</c> (it may share the first line with the first paragraph), then paragraphs
/// separated by blank lines. Tolerates a BOM, CRLF or CR line ends, trailing spaces, runs of blank lines
/// and hard-wrapped paragraphs (their lines are joined with one space). Only regular files are read, each within
/// <see cref="ReadingOptions.ReadTimeoutSeconds"/>.
/// </summary>
internal sealed partial class ArticleReader(IOptions<ReadingOptions> options, TimeProvider? time = null) : IArticleReader
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // Strict decoding: invalid UTF-8 is an error with a position, never silently replaced.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Characters that mark the end of a sentence, possibly followed by closing quotes or brackets.
    private static readonly SearchValues<char> FinalPunctuation = SearchValues.Create(".!?…:;");
    private static readonly SearchValues<char> Closers = SearchValues.Create("'\"’”»)]");

    /// <inheritdoc />
    public async Task<Article> ReadAsync(string path, string language, CancellationToken cancellationToken) =>
        Parse(path, await ReadTextAsync(path, cancellationToken), language);

    /// <inheritdoc />
    public Article Parse(string path, string text, string language)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        return Parse(path, text, options.Value.MaxHeadingLength, language);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ReadLinesAsync(string path, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(path, cancellationToken);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        // A final line end closes the last line; it does not open an empty one.
        return text.EndsWith('\n') || text.EndsWith('\r') ? lines[..^1] : lines;
    }

    /// <inheritdoc />
    public SegmentedText ParsePresegmented(string path, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(lines);
        var paragraphs = new List<SegmentedParagraph>();
        var sentences = new List<string>();
        foreach (var line in lines.Append(""))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                sentences.Add(line.Trim());
                continue;
            }

            if (sentences.Count > 0)
            {
                // The paragraph text is its sentences joined by a space; each segment's offset points into it.
                var segments = new List<Segment>(sentences.Count);
                var offset = 0;
                foreach (var sentence in sentences)
                {
                    segments.Add(new Segment(segments.Count, offset, sentence));
                    offset += sentence.Length + 1;
                }

                var text = string.Join(' ', sentences);
                paragraphs.Add(new SegmentedParagraph(paragraphs.Count, text, IsHeading(text, options.Value.MaxHeadingLength), segments));
                sentences.Clear();
            }
        }

        return new SegmentedText(path, ArticleMetadata.None, paragraphs);
    }

    /// <summary>The decoded text of a file, after the kind, size, binary and encoding checks.</summary>
    private async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var limits = options.Value;
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            throw new ArticleFormatException(path, "file not found");
        }

        if (!FileKinds.IsReadable(kind))
        {
            // Opening a FIFO waits for a writer and a device may never end: neither is ever opened.
            throw new ArticleFormatException(path, $"is {FileKinds.Describe(kind)}, not a regular file; only regular files are read");
        }

        FileInfo file = new(path);
        if (file.Length > limits.MaxFileBytes)
        {
            throw new ArticleFormatException(path, TooLarge(file.Length, limits.MaxFileBytes));
        }

        byte[]? bytes;
        try
        {
            bytes = await BoundedFileRead.ReadAsync(path, limits.MaxFileBytes, TimeSpan.FromSeconds(limits.ReadTimeoutSeconds), _time, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new ArticleFormatException(path, string.Create(CultureInfo.InvariantCulture,
                $"could not be read within {limits.ReadTimeoutSeconds} s (Reading:ReadTimeoutSeconds); it was skipped"), exception);
        }
        catch (IOException exception)
        {
            throw new ArticleFormatException(path, $"cannot be read ({exception.Message})", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new ArticleFormatException(path, "cannot be read: permission denied", exception);
        }

        // The file grew past the limit after its size was checked.
        return Decode(path, bytes ?? throw new ArticleFormatException(path, string.Create(CultureInfo.InvariantCulture,
            $"file grew past the limit of {limits.MaxFileBytes:N0} bytes (Reading:MaxFileBytes) while it was read")));
    }

    private static string TooLarge(long length, long limit) => string.Create(CultureInfo.InvariantCulture,
        $"file is {length:N0} bytes, more than the limit of {limit:N0} (Reading:MaxFileBytes)");

    /// <summary>Parses article text that is already decoded.</summary>
    internal static Article Parse(string path, string text, int maxHeadingLength, string language)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var lines = Normalise(text).Split('\n');
        var metadata = ArticleMetadata.None;
        var paragraphs = new List<Paragraph>();
        var current = new StringBuilder();

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (paragraphs.Count == 0 && current.Length == 0 && metadata.Date is null && line.Length > 0)
            {
                var match = MetadataToken().Match(line);
                if (match.Success)
                {
                    metadata = new ArticleMetadata(match.Groups["date"].Value);
                    line = line[match.Length..].TrimStart();
                }
            }

            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();

        if (paragraphs.Count == 0)
        {
            throw new ArticleFormatException(path, metadata.Date is null
                ? "the file holds no text"
                : $"the file holds only metadata ('{metadata.ToLine()}') and no paragraphs");
        }

        return new Article(name, path, LanguageTag.Normalize(language), metadata, paragraphs);

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var paragraph = current.ToString();
            current.Clear();
            paragraphs.Add(new Paragraph(paragraphs.Count, paragraph, IsHeading(paragraph, maxHeadingLength)));
        }
    }

    /// <summary>
    /// A heading is a short paragraph that does not end in sentence punctuation (<c>Kernwapens</c>,
    /// <c>Sovjet-Unie 2.0</c>).
    /// </summary>
    internal static bool IsHeading(string paragraph, int maxHeadingLength)
    {
        if (paragraph.Length > maxHeadingLength)
        {
            return false;
        }

        var end = paragraph.AsSpan().TrimEnd();
        while (end.Length > 0 && Closers.Contains(end[^1]))
        {
            end = end[..^1];
        }

        return end.Length > 0 && !FinalPunctuation.Contains(end[^1]);
    }

    private static string Decode(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new ArticleFormatException(path, "the file is empty");
        }

        // A NUL byte never occurs in UTF-8 text: this is a binary file (or UTF-16, which we do not read).
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            var hint = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
                ? "it looks like UTF-16; save it as UTF-8"
                : "it looks like a binary file, not UTF-8 text";
            throw new ArticleFormatException(path, string.Create(CultureInfo.InvariantCulture, $"NUL byte at offset {nul}: {hint}"));
        }

        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException exception)
        {
            var offset = start + Math.Max(0, exception.Index);
            throw new ArticleFormatException(path, string.Create(CultureInfo.InvariantCulture,
                $"invalid UTF-8 near byte offset {offset}; save the file as UTF-8"), exception);
        }
    }

    /// <summary>Line ends to LF; tabs and other control characters to spaces, so no output ever carries them.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                builder.Append('\n');
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                // U+2028/2029 are line breaks to Unicode but not to our format; a stray BOM is noise.
                builder.Append(c is '\u2028' or '\u2029' ? '\n' : ' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^date\s+(?<date>\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataToken();
}
