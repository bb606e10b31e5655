namespace Bilingual.Worker;

/// <summary>The exit codes of every command, as the README documents them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was done: every article written, every pair aligned.</summary>
    public const int Success = 0;

    /// <summary>Some article failed; the others were still written and <c>run.json</c> names the file and the reason.</summary>
    public const int ArticleFailed = 1;

    /// <summary>A setup, configuration or input error: the message on standard error names the key or file and the problem.</summary>
    public const int SetupError = 2;

    /// <summary>Cancelled with Ctrl+C; what was translated is cached.</summary>
    public const int Cancelled = 130;
}
