using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Bilingual.Tests.Support;

/// <summary>The bytes of one generated article file.</summary>
/// <param name="Bytes">What the file holds.</param>
public sealed record ArticleBytes(byte[] Bytes)
{
    /// <summary>Shows the bytes as text, so a failing example can be read.</summary>
    public override string ToString() => Convert.ToHexString(Bytes) + " \"" + Encoding.UTF8.GetString(Bytes).ReplaceLineEndings("⏎") + "\"";
}

/// <summary>
/// Generators of article files for FsCheck: small files made of pieces an article has (sentences, headings, blank
/// lines, metadata, glossary names, markup) and pieces it should not (NUL, invalid UTF-8, a BOM in the middle, a UTF-16
/// mark, random bytes), so both the article path and every refusal are exercised.
/// </summary>
public static class ArticleArbitraries
{
    private static readonly string[] Texts =
    [
        "Poetin zei het.", "Kernwapens", "De Navo zweeg.", "Oekraïne.", "Loekasjenko’s plan", "€ 3,5 miljoen op 1 juli.",
        "\n\n", "\n", "\r\n", "\r", " ", "\t", "\u2028", "date 2023-04 ", "date 2023-13 ", "date 2023-04-05\n",
        "<mstrans:dictionary translation=\"x\">", "</mstrans:dictionary>", "<script>alert(1)</script> & \"quotes\"", "😀", "\uFEFF",
    ];

    private static readonly byte[][] RawBytes = [[0x00], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x07]];

    private static Gen<byte[]> Piece { get; } = Gen.Frequency(
        (6, Gen.Elements(Texts).Select(Encoding.UTF8.GetBytes)),
        (1, Gen.Elements(RawBytes)),
        (1, Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))));

    /// <summary>One article file: up to 12 pieces.</summary>
    public static Gen<ArticleBytes> File { get; } =
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Piece, n)).Select(pieces => new ArticleBytes([.. pieces.SelectMany(p => p)]));

    /// <summary>An input folder of one to three article files.</summary>
    public static Arbitrary<ArticleBytes[]> Folder() => Arb.From(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(File, n)));

    /// <summary>The arbitrary FsCheck.Xunit uses for an <see cref="ArticleBytes"/> parameter.</summary>
    public static Arbitrary<ArticleBytes> Article() => Arb.From(File);
}
