using Bilingual.Core.Text;

namespace Bilingual.Core.Segmentation;

/// <summary>
/// The sentence-boundary rules every language shares. A language overrides only what differs, the way
/// Translate Toolkit's <c>lang/common.py</c> is subclassed per language; languages without their own
/// class segment with these rules alone. Abbreviations are written without their final full stop and
/// match case-sensitively, except that a capitalised form (<c>Nr</c> for <c>nr</c>) matches too.
/// </summary>
internal class SentenceRules
{
    /// <summary>The rules for languages that have no rules of their own.</summary>
    public static SentenceRules Shared { get; } = new();

    /// <summary>The rules for <paramref name="language"/>, chosen by its primary subtag (<c>nl-BE</c> → Dutch).</summary>
    public static SentenceRules For(string language) => LanguageTag.PrimaryLanguage(language) switch
    {
        "nl" => DutchSentenceRules.Instance,
        "en" => EnglishSentenceRules.Instance,
        _ => Shared,
    };

    /// <summary>
    /// The characters that can end a sentence (Translate Toolkit's <c>sentenceend</c>): the full stop,
    /// ellipsis, question and exclamation marks of the Latin, Arabic, Devanagari, Ethiopic and CJK
    /// scripts. CJK full stops end a sentence even with no space after them.
    /// </summary>
    public virtual string SentenceEnd => ".!?…‽؟।॥።。！？｡";

    /// <summary>
    /// Abbreviations that never end a sentence: titles before a name (<c>dr</c>) and abbreviations that
    /// only occur inside a sentence (<c>vs</c>, <c>ca</c>).
    /// </summary>
    public virtual IReadOnlyCollection<string> PrefixAbbreviations => ["ca", "cf", "vs"];

    /// <summary>
    /// Abbreviations that stand before a number (<c>nr. 5</c>, <c>p. 55</c>): no break before a digit,
    /// otherwise they end a sentence like a word.
    /// </summary>
    public virtual IReadOnlyCollection<string> NumberAbbreviations => ["no", "nr", "n°", "nº", "p", "pp", "vol", "art", "fig"];

    /// <summary>Abbreviations that usually end what they stand in (<c>etc</c>): a break before a capital.</summary>
    public virtual IReadOnlyCollection<string> FinalAbbreviations => ["etc"];

    /// <summary>
    /// Abbreviations that may or may not end a sentence (<c>U.S.</c>, <c>co.</c>): a break only before a
    /// word from <see cref="SentenceOpeners"/>, a title or a quotation, and only after a sentence of at
    /// least <see cref="MinimumWordsBeforeAmbiguousBreak"/> words.
    /// </summary>
    public virtual IReadOnlyCollection<string> AmbiguousAbbreviations => [];

    /// <summary>
    /// Abbreviations that are ordinary words too and count as abbreviations only before a date or a time
    /// (Dutch weekdays: <c>za. 12 okt.</c>, <c>vr. 9.00 uur</c>, but <c>Dat is zo. 12 mensen</c>); elsewhere
    /// their full stop is a word's.
    /// </summary>
    public virtual IReadOnlyCollection<string> DateAbbreviations => [];

    /// <summary>Month names and their abbreviations, in lower case: the second half of a date (<c>12 okt.</c>).</summary>
    public virtual IReadOnlyCollection<string> MonthNames => [];

    /// <summary>
    /// Company forms (<c>bv</c>, <c>N.V.</c>, <c>Inc.</c>): after a capitalised name they may end a sentence,
    /// as an ambiguous abbreviation does; elsewhere they keep the kind their other lists give them.
    /// </summary>
    public virtual IReadOnlyCollection<string> CompanyForms => [];

    /// <summary>
    /// Titles that are nouns too (Dutch <c>gen.</c> 'general', <c>het gen</c> 'the gene'): after a word from
    /// <see cref="Determiners"/> their full stop is a noun's, not a title's.
    /// </summary>
    public virtual IReadOnlyCollection<string> NounAbbreviations => [];

    /// <summary>Lower-case words that stand before a noun and never before a title (<c>een</c>, <c>het</c>).</summary>
    public virtual IReadOnlyCollection<string> Determiners => [];

    /// <summary>
    /// Capitalised words that commonly open a sentence; after an ambiguous abbreviation or an initial they
    /// signal a break, unless the next word is capitalised too (<c>M. De Vries</c> is a name).
    /// </summary>
    public virtual IReadOnlyCollection<string> SentenceOpeners => [];

    /// <summary>
    /// The fewest words, abbreviation included, a sentence ending in an ambiguous abbreviation may have:
    /// <c>At 5 a.m.</c> is an opening phrase, not a sentence. Default 4.
    /// </summary>
    public virtual int MinimumWordsBeforeAmbiguousBreak => 4;

    /// <summary>
    /// Whether <paramref name="rest"/> (the text where the next sentence would start) opens with an
    /// elided lower-case word that still starts a sentence, such as Dutch <c>’s Avonds</c>.
    /// </summary>
    public virtual bool StartsWithElidedWord(ReadOnlySpan<char> rest) => false;
}
