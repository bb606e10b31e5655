namespace Bilingual.Core.Jobs;

/// <summary>The outputs of a job's article as the API names them, and the files they are.</summary>
public static class JobOutputs
{
    /// <summary>The English edition, <c>text/plain</c>.</summary>
    public const string Edition = "edition";

    /// <summary>The side-by-side review page, <c>text/html</c>.</summary>
    public const string Review = "review";

    /// <summary>The TMX 1.4b memory, <c>application/x-tmx+xml</c>.</summary>
    public const string Tmx = "tmx";

    /// <summary>The XLIFF 1.2 file, <c>application/xliff+xml</c>.</summary>
    public const string Xliff = "xliff";

    /// <summary>Every kind with its file extension and content type.</summary>
    public static IReadOnlyList<(string Kind, string Extension, string ContentType)> All { get; } =
    [
        (Edition, ".txt", "text/plain; charset=utf-8"),
        (Review, ".html", "text/html; charset=utf-8"),
        (Tmx, ".tmx", "application/x-tmx+xml"),
        (Xliff, ".xlf", "application/xliff+xml"),
    ];

    /// <summary>The kind of an output file, by its extension, or null.</summary>
    public static string? KindOf(string path) =>
        All.FirstOrDefault(k => path.EndsWith(k.Extension, StringComparison.OrdinalIgnoreCase)).Kind;

    /// <summary>The content type of <paramref name="kind"/>, or null for an unknown kind.</summary>
    public static string? ContentTypeOf(string kind) => All.FirstOrDefault(k => k.Kind == kind).ContentType;
}
