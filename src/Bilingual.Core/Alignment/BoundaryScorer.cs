namespace Bilingual.Core.Alignment;

/// <summary>
/// Evidence from the state of the text at bead boundaries: inside or outside a quotation, inside or outside
/// brackets, how the sentence before the boundary ends (statement, question, exclamation, colon …) and whether
/// the one after it opens with speech.
/// Dialogue is translated as dialogue, a remark in brackets stays one and a question mostly stays a question,
/// so the two sides of a true boundary tend to be in the same state. Each bead's end is a boundary on both
/// sides; a bead whose end joins like with like is credited, one that joins unlike states is charged, both by
/// the log-likelihood ratio of agreement at true boundaries against agreement by chance, estimated on the
/// document itself.
/// </summary>
internal sealed class BoundaryScorer : IBeadScorer
{
    /// <summary>Where one state holds at more than all but this share of a side's boundaries (no dialogue, no brackets), the state tells nothing.</summary>
    private const double MinimumMinorityShare = 0.01;

    private readonly int[] _sourceStates;
    private readonly int[] _targetStates;
    private readonly double _agreeCost;
    private readonly double _disagreeCost;

    private BoundaryScorer(int[] sourceStates, int[] targetStates, double agreeCost, double disagreeCost)
    {
        _sourceStates = sourceStates;
        _targetStates = targetStates;
        _agreeCost = agreeCost;
        _disagreeCost = disagreeCost;
    }

    /// <summary>The probability that the two sides agree at a true boundary, as estimated.</summary>
    public double Reliability { get; private init; }

    /// <summary>
    /// The scorer for one kind of state, given each side's state at every boundary (index k: the boundary before
    /// sentence k) and boundaries taken as true (<paramref name="anchors"/>: pairs of source and target boundaries
    /// where consecutive sentences match one to one). The probability of agreement at true boundaries is
    /// estimated from the anchors (Laplace's rule of succession), that by chance from how often each state occurs
    /// on each side; null where either side (almost) always has the same state or agreement at the anchors is no
    /// better than chance.
    /// </summary>
    public static BoundaryScorer? Create(int[] sourceStates, int[] targetStates, IReadOnlyList<(int Source, int Target)> anchors)
    {
        var sourceShares = Shares(sourceStates);
        var targetShares = Shares(targetStates);
        if (sourceShares.Count < 2 || targetShares.Count < 2 || sourceShares.Values.Max() > 1 - MinimumMinorityShare || targetShares.Values.Max() > 1 - MinimumMinorityShare)
        {
            return null;
        }

        var agreements = anchors.Count(a => sourceStates[a.Source] == targetStates[a.Target]);
        var reliability = (agreements + 1.0) / (anchors.Count + 2.0);
        var chance = sourceShares.Sum(p => p.Value * targetShares.GetValueOrDefault(p.Key));
        if (reliability <= chance)
        {
            return null;
        }

        return new BoundaryScorer(sourceStates, targetStates, -Math.Log(reliability / chance), -Math.Log((1 - reliability) / (1 - chance)))
        {
            Reliability = reliability,
        };
    }

    /// <inheritdoc />
    public double Cost(int sourceStart, int sourceCount, int targetStart, int targetCount)
    {
        // A 1-0 or 0-1 bead ends a sentence on one side only: its end pairs a boundary already paired by the
        // bead before it with a new one, and counting it again would charge a run of skipped captions once per
        // caption.
        if (sourceCount == 0 || targetCount == 0)
        {
            return 0;
        }

        return _sourceStates[sourceStart + sourceCount] == _targetStates[targetStart + targetCount] ? _agreeCost : _disagreeCost;
    }

    /// <summary>
    /// Whether (1) or not (0) each boundary of <paramref name="sentences"/> (index k: before sentence k, so 0 is
    /// the start and Count the end) falls inside a quotation. Typographic marks say which way they face (German „…“ closes
    /// with the mark English opens with); straight and single marks open before a word and close after one, and
    /// a mark between two letters is an apostrophe.
    /// </summary>
    public static int[] Quotations(IReadOnlyList<string> sentences)
    {
        var lowOpening = sentences.Any(s => s.Contains('„', StringComparison.Ordinal));
        var inside = new int[sentences.Count + 1];
        bool inDouble = false, inSingle = false;
        for (var k = 0; k < sentences.Count; k++)
        {
            var text = sentences[k];
            for (var c = 0; c < text.Length; c++)
            {
                switch (text[c])
                {
                    case '„' or '«' or '「' or '『' or '《':
                        inDouble = true;
                        break;
                    case '»' or '」' or '』' or '》' or '”':
                        inDouble = false;
                        break;
                    case '“':
                        inDouble = !lowOpening;
                        break;
                    case '"':
                        // A straight mark that neither clearly opens nor clearly closes toggles.
                        inDouble = Opens(text, c) || (!Closes(text, c) && !inDouble);
                        break;
                    case '\'' or '‘' or '’' or '‚':
                        if (Opens(text, c))
                        {
                            inSingle = true;
                        }
                        else if (Closes(text, c))
                        {
                            inSingle = false;
                        }

                        break;
                }
            }

            inside[k + 1] = inDouble || inSingle ? 1 : 0;
        }

        return inside;
    }

    /// <summary>Whether (1) or not (0) each boundary of <paramref name="sentences"/> falls inside round or square brackets (ASCII or full-width).</summary>
    public static int[] Brackets(IReadOnlyList<string> sentences)
    {
        var inside = new int[sentences.Count + 1];
        var depth = 0;
        for (var k = 0; k < sentences.Count; k++)
        {
            foreach (var c in sentences[k])
            {
                if (c is '(' or '[' or '（' or '［')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '）' or '］')
                {
                    depth = Math.Max(0, depth - 1);
                }
            }

            inside[k + 1] = depth > 0 ? 1 : 0;
        }

        return inside;
    }

    /// <summary>A mark opens where it starts the text or follows a space, a bracket or a dash, and something other than a space follows it.</summary>
    private static bool Opens(string text, int c) =>
        (c == 0 || char.IsWhiteSpace(text[c - 1]) || text[c - 1] is '(' or '[' or '—' or '–' or '-')
        && c + 1 < text.Length && !char.IsWhiteSpace(text[c + 1]);

    /// <summary>A mark closes where it follows something other than a space and ends the text or comes before a space or punctuation.</summary>
    private static bool Closes(string text, int c) =>
        c > 0 && !char.IsWhiteSpace(text[c - 1])
        && (c + 1 == text.Length || char.IsWhiteSpace(text[c + 1]) || char.IsPunctuation(text[c + 1]));

    private static Dictionary<int, double> Shares(int[] states) =>
        states.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count() / (double)states.Length);

    /// <summary>
    /// Whether (1) or not (0) the sentence after each boundary opens with a quotation mark or a dash: speech
    /// starting there. Index k: the boundary before sentence k; the end of the text is 0.
    /// </summary>
    public static int[] Openings(IReadOnlyList<string> sentences)
    {
        var states = new int[sentences.Count + 1];
        for (var k = 0; k < sentences.Count; k++)
        {
            var text = sentences[k].AsSpan().TrimStart();
            states[k] = !text.IsEmpty && text[0] is '\'' or '"' or '“' or '„' or '«' or '「' or '『' or '‘' or '—' or '–' or '-' ? 1 : 0;
        }

        return states;
    }

    /// <summary>How each sentence before a boundary ends: full stop, question, exclamation, colon, semicolon, comma, trailing off (ellipsis or dash: speech broken off) or other (full-width marks and closing quotes looked through).</summary>
    public static int[] Endings(IReadOnlyList<string> sentences)
    {
        var endings = new int[sentences.Count + 1];
        for (var k = 0; k < sentences.Count; k++)
        {
            var text = sentences[k].AsSpan().TrimEnd(" \t'\"’”」』)）»«");
            endings[k + 1] = text.IsEmpty ? 0 : text[^1] switch
            {
                '.' or '。' => 1,
                '…' or '—' or '–' => 8,
                '?' or '？' => 2,
                '!' or '！' => 3,
                ':' or '：' => 4,
                ';' or '；' => 5,
                ',' or '，' => 6,
                _ => 7,
            };
        }

        return endings;
    }
}
