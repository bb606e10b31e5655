namespace Bilingual.Core.Writing;

/// <summary>The service keys of the <see cref="IDocumentWriter"/>s, also the output formats the align job and the API name.</summary>
public static class WriterKeys
{
    /// <summary>The English edition, <c>&lt;Name&gt;.en.txt</c>.</summary>
    public const string Edition = "edition";

    /// <summary>The TMX 1.4b translation memory, <c>&lt;Name&gt;.tmx</c>.</summary>
    public const string Tmx = "tmx";

    /// <summary>The side-by-side review page, <c>&lt;Name&gt;.html</c>.</summary>
    public const string ReviewPage = "html";

    /// <summary>The XLIFF 1.2 file for translators' CAT tools, <c>&lt;Name&gt;.xlf</c>.</summary>
    public const string Xliff = "xlf";

    /// <summary>Every key, in the order the outputs are written.</summary>
    public static IReadOnlyList<string> All { get; } = [Edition, Tmx, Xliff, ReviewPage];
}
