using Bilingual.Core.Lexicon;

namespace Bilingual.Tests.Lexicon;

public class DictdIndexReaderTests
{
    [Theory]
    [InlineData("A", 0)]
    [InlineData("B", 1)]
    [InlineData("/", 63)]
    [InlineData("BA", 64)]
    [InlineData("R0l", (17 * 64 * 64) + (52 * 64) + 37)]
    [InlineData("DvKt", (3L * 64 * 64 * 64) + (47 * 64 * 64) + (10 * 64) + 45)]
    public void DecodeNumber_DictdBase64_MostSignificantDigitFirst(string digits, long expected)
    {
        Assert.Equal(expected, DictdIndexReader.DecodeNumber(digits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A=")]
    [InlineData("AAAAAAAAAAA")]
    public void DecodeNumber_NotDictdBase64_Throws(string digits)
    {
        Assert.Throws<FormatException>(() => DictdIndexReader.DecodeNumber(digits));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(979_691)]
    [InlineData(long.MaxValue / 64)]
    public void EncodeNumber_RoundTrips(long value)
    {
        Assert.Equal(value, DictdIndexReader.DecodeNumber(DictdIndexReader.EncodeNumber(value)));
    }

    [Fact]
    public void ParseLine_FreeDictLine_ReadsHeadwordOffsetAndLength()
    {
        var entry = DictdIndexReader.ParseLine("oorlog\tCVHf\tU");

        Assert.Equal(new DictdIndexEntry("oorlog", (2L * 64 * 64 * 64) + (21 * 64 * 64) + (7 * 64) + 31, 20), entry);
    }

    [Fact]
    public void ParseLine_LeadingSpaceAndMultiWordHeadword_Trimmed()
    {
        Assert.Equal("aanvoelen", DictdIndexReader.ParseLine(" aanvoelen\tRyx\tn")!.Value.Headword);
        Assert.Equal("des te meer", DictdIndexReader.ParseLine("des te meer\tBHUs\tk")!.Value.Headword);
    }

    [Theory]
    [InlineData("")]
    [InlineData("oorlog")]
    [InlineData("oorlog\tCVHf")]
    [InlineData("oorlog\tCV!f\tU")]
    [InlineData("\tCVHf\tU")]
    public void ParseLine_Malformed_ReturnsNull(string line)
    {
        Assert.Null(DictdIndexReader.ParseLine(line));
    }
}
