namespace Bilingual.Core.Translation;

/// <summary>
/// The names of the translation backends: the values of <c>Translation:Backend</c> and <c>--backend</c>, and the
/// name each backend puts into its cache keys and outputs. The one list the command line, the options
/// validation and the backend selection read.
/// </summary>
public static class BackendNames
{
    /// <summary>Azure when <c>Translation:Azure:Key</c> is set, else the offline dictionary (with a notice).</summary>
    public const string Auto = "auto";

    /// <summary>Azure AI Translator, Translator v3 REST.</summary>
    public const string Azure = "azure";

    /// <summary>The offline FreeDict word-by-word gloss.</summary>
    public const string Offline = "offline";

    /// <summary>DeepL API v2.</summary>
    public const string DeepL = "deepl";

    /// <summary>A LibreTranslate server.</summary>
    public const string LibreTranslate = "libretranslate";

    /// <summary>An OpenAI-compatible chat completions endpoint.</summary>
    public const string Llm = "llm";

    /// <summary>A regular expression that matches exactly one of <see cref="All"/>.</summary>
    public const string Pattern = "^(" + Auto + "|" + Azure + "|" + Offline + "|" + DeepL + "|" + LibreTranslate + "|" + Llm + ")$";

    /// <summary>The names as a list for messages.</summary>
    public const string List = Auto + ", " + Azure + ", " + Offline + ", " + DeepL + ", " + LibreTranslate + ", " + Llm;

    /// <summary>Every name that can be selected, <see cref="Auto"/> first.</summary>
    public static IReadOnlyList<string> All { get; } = [Auto, Azure, Offline, DeepL, LibreTranslate, Llm];
}
