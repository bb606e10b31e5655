namespace Bilingual.Core.Lexicon;

/// <summary>
/// A bilingual lexicon: optional word translations from the source language into the target language. Where one is registered
/// and no machine-translated bridge is given, the aligner adds the translations of each source word to what it
/// compares with the target (as hunalign does with its dictionary).
/// </summary>
public interface IBilingualLexicon
{
    /// <summary>Whether the lexicon translates from <paramref name="sourceLanguage"/> into <paramref name="targetLanguage"/> (language tags such as <c>nl</c>, <c>en-GB</c>) and can be used now.</summary>
    bool Covers(string sourceLanguage, string targetLanguage);

    /// <summary>The target-language translations of one lower-cased source word; empty when it is unknown.</summary>
    IReadOnlyList<string> Translate(string word);
}
