using System.Xml;
using System.Xml.Linq;

namespace Bilingual.Core.Segmentation;

/// <summary>
/// An SRX 2.0 (or 1.0) segmentation rules document as the LISA standard defines it: named language
/// rules, each an ordered list of break and no-break rules, and language maps that pick the rules for a
/// language code. With <see cref="Cascade"/> the rules of every matching map apply, in map order;
/// without it only the first matching map's.
/// </summary>
/// <param name="Source">Where the document came from, for messages (a path or a name).</param>
/// <param name="Cascade">The header's <c>cascade</c> attribute.</param>
/// <param name="LanguageRules">The rules by <c>languagerulename</c>.</param>
/// <param name="Maps">The language maps in document order.</param>
internal sealed record SrxDocument(
    string Source,
    bool Cascade,
    IReadOnlyDictionary<string, IReadOnlyList<SrxRule>> LanguageRules,
    IReadOnlyList<SrxLanguageMap> Maps)
{
    /// <summary>Reads the SRX file at <paramref name="path"/>.</summary>
    /// <exception cref="SrxRulesException">The file is missing, not XML, or not SRX.</exception>
    public static SrxDocument Load(string path)
    {
        try
        {
            using var reader = File.OpenText(path);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SrxRulesException($"{path}: cannot read the SRX file: {e.Message}", e);
        }
    }

    /// <summary>Reads an SRX document from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="SrxRulesException">The text is not XML or not SRX.</exception>
    public static SrxDocument Parse(TextReader reader, string source)
    {
        XDocument document;
        try
        {
            using var xml = XmlReader.Create(reader, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new SrxRulesException($"{source}: not well-formed XML: {e.Message}", e);
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "srx")
        {
            throw new SrxRulesException($"{source}: the root element is not <srx>.");
        }

        var header = Child(root, "header");
        var cascade = string.Equals((string?)header?.Attribute("cascade"), "yes", StringComparison.OrdinalIgnoreCase);

        var rules = new Dictionary<string, IReadOnlyList<SrxRule>>(StringComparer.Ordinal);
        foreach (var languageRule in root.Descendants().Where(e => e.Name.LocalName == "languagerule"))
        {
            var name = (string?)languageRule.Attribute("languagerulename")
                ?? throw new SrxRulesException($"{source} line {Line(languageRule)}: <languagerule> without languagerulename.");
            var list = new List<SrxRule>();
            foreach (var rule in languageRule.Elements().Where(e => e.Name.LocalName == "rule"))
            {
                var breaks = !string.Equals((string?)rule.Attribute("break"), "no", StringComparison.OrdinalIgnoreCase);
                list.Add(new SrxRule(
                    breaks,
                    Child(rule, "beforebreak")?.Value ?? "",
                    Child(rule, "afterbreak")?.Value ?? "",
                    name,
                    list.Count + 1,
                    Line(rule)));
            }

            if (!rules.TryAdd(name, list))
            {
                throw new SrxRulesException($"{source} line {Line(languageRule)}: language rule '{name}' is defined twice.");
            }
        }

        var maps = new List<SrxLanguageMap>();
        foreach (var map in root.Descendants().Where(e => e.Name.LocalName == "languagemap"))
        {
            var pattern = (string?)map.Attribute("languagepattern") ?? "";
            var target = (string?)map.Attribute("languagerulename") ?? "";
            if (!rules.ContainsKey(target))
            {
                throw new SrxRulesException($"{source} line {Line(map)}: <languagemap languagepattern=\"{pattern}\"> names the undefined language rule '{target}'.");
            }

            maps.Add(new SrxLanguageMap(pattern, target, Line(map)));
        }

        return new SrxDocument(source, cascade, rules, maps);
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
}

/// <summary>One SRX rule: a break (or no-break) between text matching <paramref name="Before"/> and text matching <paramref name="After"/>.</summary>
/// <param name="Break">True for <c>break="yes"</c> (the default), false for <c>break="no"</c>.</param>
/// <param name="Before">The Java regular expression the text before the position must end with.</param>
/// <param name="After">The Java regular expression the text after the position must start with.</param>
/// <param name="LanguageRule">The name of the language rule it belongs to.</param>
/// <param name="Number">Its 1-based position in that language rule.</param>
/// <param name="Line">Its line in the file.</param>
internal sealed record SrxRule(bool Break, string Before, string After, string LanguageRule, int Number, int Line)
{
    /// <summary>The rule as a message names it.</summary>
    public string Describe() => $"line {Line}, language rule '{LanguageRule}' rule {Number} ({(Break ? "break" : "no-break")})";
}

/// <summary>A language map: language codes fully matching <paramref name="Pattern"/> use the rules <paramref name="LanguageRule"/>.</summary>
/// <param name="Pattern">A Java regular expression over language codes.</param>
/// <param name="LanguageRule">The name of the language rule.</param>
/// <param name="Line">Its line in the file.</param>
internal sealed record SrxLanguageMap(string Pattern, string LanguageRule, int Line);
