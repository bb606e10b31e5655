using Bilingual.Core.Reading;
using Microsoft.Extensions.Logging;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// Which entries of the input folder are articles: regular files only. A named pipe, a device or a socket is skipped
/// with a message (once per entry, so <c>--watch</c> does not repeat it every scan), never opened: opening a pipe
/// waits for a writer and would stall every article behind it.
/// </summary>
internal sealed partial class ArticleEntryFilter(ILogger logger)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> may be read as an article; logs the first time an entry is skipped.</summary>
    public bool IsArticle(string path)
    {
        var kind = FileKinds.Of(path);
        if (FileKinds.IsReadable(kind))
        {
            return true;
        }

        // An entry removed since the folder was listed is simply gone; anything else is worth a line.
        if (kind != FileKind.Missing)
        {
            lock (_reported)
            {
                if (_reported.Add(path))
                {
                    LogSkipped(path, FileKinds.Describe(kind));
                }
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} is {Kind}, not a regular file: skipped (only regular files are articles)")]
    private partial void LogSkipped(string file, string kind);
}
