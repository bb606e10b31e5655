using System.Collections.Frozen;

namespace Bilingual.Core.Lexicon;

/// <summary>
/// Picks one English equivalent from a word's FreeDict entries, and repairs the equivalents the
/// Ergane import glued together (<c>accordingto</c>, <c>allthemore</c>, <c>stirup</c>) by splitting
/// them against the dictionary's own English vocabulary.
/// </summary>
internal sealed class EquivalentChooser(FrozenSet<string> englishWords)
{
    // Words that may stand anywhere in a glued phrase.
    private static readonly FrozenSet<string> FunctionWords = FrozenSet.ToFrozenSet(
        ["to", "the", "a", "an", "not", "of", "for", "with", "as", "at", "by", "in", "on", "up", "out", "off", "down", "away", "back",
         "over", "into", "from", "it", "this", "that", "and", "or", "about", "around", "through", "one's", "oneself", "someone", "something"],
        StringComparer.Ordinal);

    // Particles a glued phrasal verb may end in (stirup, pointout, accordingto): safe as the second of two pieces.
    private static readonly FrozenSet<string> FinalParticles = FrozenSet.ToFrozenSet(
        ["up", "out", "off", "down", "away", "back", "over", "to", "with", "about", "around", "through", "into", "from"],
        StringComparer.Ordinal);

    // Words that glue onto a following word in FreeDict's equivalents: notquite, lastnight, nextweek.
    private static readonly FrozenSet<string> Leading = FrozenSet.ToFrozenSet(
        ["not", "last", "next", "every", "each", "this", "that"], StringComparer.Ordinal);

    // Real English words that split into vocabulary pieces.
    private static readonly FrozenSet<string> KeepWhole = FrozenSet.ToFrozenSet(
        ["about", "within", "without", "into", "onto", "upon", "together", "another", "therefore", "however", "whatever",
         "moreover", "nevertheless", "nonetheless", "throughout", "thereby", "hereby", "whereby", "understand", "understood",
         "undertake", "withstand", "forget", "forgotten", "attack", "attempt", "attend", "format", "combat", "proof", "setup",
         "pickup", "takeover", "layout", "lookout", "feedback", "setback", "drawback", "comeback", "runaway", "breakdown",
         "shutdown", "crackdown", "notice", "notable", "noted", "nothing", "countdown", "checkout", "withdraw", "withhold", "overcome", "overall", "overlook", "thereafter",
         "meanwhile", "someone", "something", "anyone", "anything", "everyone", "everything", "itself", "oneself", "throughout",
         "whereas", "inasmuch", "insofar", "forthwith", "herewith", "therewith", "outcome", "output", "input", "income",
         "upset", "update", "uphold", "uprising", "upright", "upward", "upwards", "backward", "backwards", "onward", "onwards",
         "toward", "towards", "afterwards", "already", "altogether", "although", "always", "almost", "alone", "along", "aside"],
        StringComparer.Ordinal);

    /// <summary>
    /// The best equivalent among <paramref name="entries"/> for <paramref name="lemma"/>, or null when none
    /// is usable. Compound-initial entries (<c>kern-</c>) come first when <paramref name="forCompoundHead"/>,
    /// last otherwise; capitalised headwords come first for a capitalised source word.
    /// </summary>
    public string? Choose(IReadOnlyList<FreeDictEntry> entries, string lemma, bool capitalised, bool forCompoundHead)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var entry = entries
            .Where(e => !e.IsSuffix && !e.IsFragment)
            .OrderBy(e => forCompoundHead ? !e.IsPrefix : e.IsPrefix)
            .ThenBy(e => e.IsCapitalised != capitalised)
            .FirstOrDefault();
        if (entry is null)
        {
            return null;
        }

        // A cognate among the senses is the news reading more often than not: president → president,
        // signaal → signal, helpen → help.
        var cognate = entry.Senses.SelectMany(s => s).FirstOrDefault(e => IsCognate(e, lemma));
        if (cognate is not null)
        {
            return cognate;
        }

        // FreeDict lists the primary sense first; within it, prefer an equivalent that needed no repair.
        var first = entry.Senses[0];
        var plain = first.FirstOrDefault(e => Unglue(e) == e) ?? first[0];
        return Unglue(plain);
    }

    /// <summary>
    /// True when <paramref name="english"/> is spelt nearly as <paramref name="dutch"/> or its stem
    /// (without -en/-e): same first letter and an edit distance of at most a third of the length.
    /// </summary>
    public static bool IsCognate(string english, string dutch)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(dutch);
        if (english.Length < 3 || english.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var lowerEnglish = english.ToLowerInvariant();
        string[] stems = [dutch, dutch.EndsWith("en", StringComparison.Ordinal) ? dutch[..^2] : dutch, dutch.EndsWith('e') ? dutch[..^1] : dutch];
        return stems.Any(stem => stem.Length >= 3 && stem[0] == lowerEnglish[0]
            && EditDistance(lowerEnglish, stem) <= Math.Max(stem.Length, lowerEnglish.Length) / 3);
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Splits a glued phrase into words (<c>allthemore</c> → <c>all the more</c>); other text unchanged.</summary>
    public string Unglue(string equivalent)
    {
        ArgumentNullException.ThrowIfNull(equivalent);
        if (equivalent.Length < 4 || equivalent.Contains(' ', StringComparison.Ordinal) || KeepWhole.Contains(equivalent) || !equivalent.All(char.IsLower))
        {
            return equivalent;
        }

        var pieces = Segment(equivalent);
        // An initial "a" is a prefix far more often than an article: abandon, aside, await.
        if (pieces is null || pieces.Count < 2 || !pieces.Any(p => FunctionWords.Contains(p) || Leading.Contains(p)) || pieces[0] is "a" or "an")
        {
            return equivalent;
        }

        // Two pieces split only as content + particle or function + function; three or more as any mix.
        var accepted = pieces.Count >= 3
            || (FunctionWords.Contains(pieces[0]) && FunctionWords.Contains(pieces[1]))
            || (Leading.Contains(pieces[0]) && pieces[1].Length >= 3)
            || (!FunctionWords.Contains(pieces[0]) && pieces[0].Length >= 3 && FinalParticles.Contains(pieces[1]));
        return accepted ? string.Join(' ', pieces) : equivalent;
    }

    // Fewest pieces, each a function word or a vocabulary word of three letters or more (not the whole).
    private List<string>? Segment(string word)
    {
        var best = new int[word.Length + 1];
        var back = new int[word.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start] == int.MaxValue || (start == 0 && end == word.Length))
                {
                    continue;
                }

                var piece = word[start..end];
                if ((FunctionWords.Contains(piece) || (piece.Length >= 3 && englishWords.Contains(piece))) && best[start] + 1 < best[end])
                {
                    best[end] = best[start] + 1;
                    back[end] = start;
                }
            }
        }

        if (best[word.Length] == int.MaxValue)
        {
            return null;
        }

        var pieces = new List<string>();
        for (var end = word.Length; end > 0; end = back[end])
        {
            pieces.Insert(0, word[back[end]..end]);
        }

        return pieces;
    }
}
