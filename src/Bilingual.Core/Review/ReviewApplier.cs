using System.Text;
using Bilingual.Core.Documents;

namespace Bilingual.Core.Review;

/// <summary>
/// Looks a document's beads up in the <see cref="IReviewStore"/> and rewrites the paragraphs they
/// belong to. Called by the pipeline after alignment and before the writers.
/// </summary>
internal sealed class ReviewApplier(IReviewStore store) : IReviewApplier
{
    /// <inheritdoc />
    public async Task<BilingualDocument> ApplyAsync(BilingualDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sources = document.Paragraphs
            .SelectMany(p => p.Beads.Select(b => SourceOf(p, b)))
            .Where(s => s.Length > 0)
            .ToList();
        var corrections = await store.FindAsync(document.SourceLanguage, document.TargetLanguage, sources, cancellationToken);
        return Apply(document, corrections);
    }

    /// <summary>A bead's source sentences joined by single spaces: the text corrections are keyed by.</summary>
    public static string SourceOf(AlignedParagraph paragraph, Bead bead) =>
        string.Join(' ', bead.Source.Select(i => paragraph.SourceSegments[i].Text));

    /// <summary>A bead's target sentences joined by single spaces.</summary>
    public static string TargetOf(AlignedParagraph paragraph, Bead bead) =>
        string.Join(' ', bead.Target.Select(i => paragraph.TargetSegments[i].Text));

    /// <summary>Applies <paramref name="corrections"/> (keyed by <see cref="ReviewStatus.KeyOf"/>) to <paramref name="document"/>.</summary>
    public static BilingualDocument Apply(BilingualDocument document, IReadOnlyDictionary<string, ReviewCorrection> corrections)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(corrections);
        if (corrections.Count == 0)
        {
            return document;
        }

        var changed = false;
        var paragraphs = document.Paragraphs.Select(p =>
        {
            var applied = ApplyToParagraph(p, corrections);
            changed |= !ReferenceEquals(applied, p);
            return applied;
        }).ToList();
        return changed ? document with { Paragraphs = paragraphs } : document;
    }

    private static AlignedParagraph ApplyToParagraph(AlignedParagraph paragraph, IReadOnlyDictionary<string, ReviewCorrection> corrections)
    {
        // What happens to each bead: null = untouched, otherwise its mark and (for a correction) its new target.
        var decisions = new (ReviewMark Mark, string? NewTarget)?[paragraph.Beads.Count];
        var any = false;
        for (var b = 0; b < paragraph.Beads.Count; b++)
        {
            var bead = paragraph.Beads[b];
            var source = SourceOf(paragraph, bead);
            if (source.Length == 0 || !corrections.TryGetValue(ReviewStatus.KeyOf(source), out var correction))
            {
                continue;
            }

            var mark = new ReviewMark(correction.Status, correction.Reviewer, correction.ChangedAt, correction.Comment);
            var current = TargetOf(paragraph, bead);
            // Compared as keys: a target that went through a TMX file has lost what XML cannot carry.
            if (string.Equals(ReviewStatus.KeyOf(correction.TargetText), ReviewStatus.KeyOf(current), StringComparison.Ordinal))
            {
                decisions[b] = (mark, null);
            }
            else if (correction.Status == ReviewStatus.Corrected && correction.TargetText.Length > 0)
            {
                decisions[b] = (mark, correction.TargetText);
            }
            else
            {
                // An acceptance or a query about another translation than this one says nothing about this one.
                continue;
            }

            any = true;
        }

        if (!any)
        {
            return paragraph;
        }

        return decisions.Any(d => d?.NewTarget is not null)
            ? RebuildTargets(paragraph, decisions)
            : paragraph with
            {
                Beads = paragraph.Beads.Select((bead, b) => decisions[b] is { } d ? bead with { Review = d.Mark } : bead).ToList(),
            };
    }

    /// <summary>
    /// Replaces the target sentences of corrected beads by one sentence each, keeping the rest of the target
    /// text byte for byte, and renumbers the target segments and every bead's target indices.
    /// </summary>
    private static AlignedParagraph RebuildTargets(AlignedParagraph paragraph, (ReviewMark Mark, string? NewTarget)?[] decisions) =>
        new TargetRebuilder(paragraph, decisions).Rebuild();

    /// <summary>One paragraph's target text rebuilt in reading order: old segments copied, corrected beads' new sentences emitted.</summary>
    private sealed class TargetRebuilder
    {
        private readonly AlignedParagraph _paragraph;
        private readonly (ReviewMark Mark, string? NewTarget)?[] _decisions;
        private readonly IReadOnlyList<Segment> _oldTargets;
        private readonly string _text;
        private readonly StringBuilder _builder;
        private readonly List<Segment> _segments;
        private readonly List<int>[] _beadTargets;
        private readonly int[] _owner;
        private int _copiedUpTo;
        private bool _afterNew;

        public TargetRebuilder(AlignedParagraph paragraph, (ReviewMark Mark, string? NewTarget)?[] decisions)
        {
            _paragraph = paragraph;
            _decisions = decisions;
            _oldTargets = paragraph.TargetSegments;
            _text = paragraph.TargetText;
            _builder = new StringBuilder(_text.Length + 64);
            _segments = new List<Segment>(_oldTargets.Count + 1);
            _beadTargets = [.. paragraph.Beads.Select(_ => new List<int>())];
            _owner = OwnersOfTargets(paragraph);
        }

        public AlignedParagraph Rebuild()
        {
            // Corrected beads with no target of their own (1-0) are inserted before the next bead's first target.
            var pendingInserts = new Queue<int>();
            var nextOld = 0;
            for (var b = 0; b < _paragraph.Beads.Count; b++)
            {
                var bead = _paragraph.Beads[b];
                var newText = _decisions[b]?.NewTarget;
                if (bead.Target.Count == 0)
                {
                    if (newText is not null)
                    {
                        pendingInserts.Enqueue(b);
                    }

                    continue;
                }

                var first = bead.Target[0];
                nextOld = CopyOldUpTo(nextOld, first);
                var at = _oldTargets[first].Start;
                EmitInserts(pendingInserts, at);
                if (newText is not null)
                {
                    Emit(newText, at, _oldTargets[bead.Target[^1]].End, b);
                    nextOld = bead.Target[^1] + 1;
                }
                else
                {
                    nextOld = CopyOldUpTo(nextOld, bead.Target[^1] + 1);
                }
            }

            CopyOldUpTo(nextOld, _oldTargets.Count);
            EmitInserts(pendingInserts, _text.Length);
            _builder.Append(_text, _copiedUpTo, _text.Length - _copiedUpTo);
            return _paragraph with { TargetText = _builder.ToString(), TargetSegments = _segments, Beads = ReviewedBeads() };
        }

        private static int[] OwnersOfTargets(AlignedParagraph paragraph)
        {
            var owner = new int[paragraph.TargetSegments.Count];
            Array.Fill(owner, -1);
            for (var b = 0; b < paragraph.Beads.Count; b++)
            {
                foreach (var t in paragraph.Beads[b].Target)
                {
                    owner[t] = b;
                }
            }

            return owner;
        }

        private List<Bead> ReviewedBeads() => [.. _paragraph.Beads.Select((bead, b) =>
        {
            var updated = bead with { Target = _beadTargets[b] };
            return _decisions[b] is { } d ? updated with { Review = d.Mark } : updated;
        })];

        private void EmitInserts(Queue<int> pending, int at)
        {
            while (pending.TryDequeue(out var inserted))
            {
                Emit(_decisions[inserted]!.Value.NewTarget!, at, at, inserted);
            }
        }

        /// <summary>Copies the old segments from <paramref name="from"/> up to (not including) <paramref name="to"/>; returns <paramref name="to"/>.</summary>
        private int CopyOldUpTo(int from, int to)
        {
            for (var t = from; t < to; t++)
            {
                CopyOld(t);
            }

            return Math.Max(from, to);
        }

        private void Emit(string segmentText, int from, int to, int bead)
        {
            // Keep what lies between segments (spaces, stray text) as it was.
            _builder.Append(_text, _copiedUpTo, from - _copiedUpTo);
            if (segmentText.Length > 0 && _builder.Length > 0 && !char.IsWhiteSpace(_builder[^1]))
            {
                _builder.Append(' ');
            }

            _segments.Add(new Segment(_segments.Count, _builder.Length, segmentText));
            _builder.Append(segmentText);
            _beadTargets[bead].Add(_segments.Count - 1);
            _copiedUpTo = to;
            _afterNew = true;
        }

        private void CopyOld(int t)
        {
            var segment = _oldTargets[t];
            _builder.Append(_text, _copiedUpTo, segment.Start - _copiedUpTo);
            if (_afterNew && _builder.Length > 0 && !char.IsWhiteSpace(_builder[^1]))
            {
                _builder.Append(' ');
            }

            _afterNew = false;
            _segments.Add(new Segment(_segments.Count, _builder.Length, segment.Text));
            _builder.Append(segment.Text);
            if (_owner[t] >= 0)
            {
                _beadTargets[_owner[t]].Add(_segments.Count - 1);
            }

            _copiedUpTo = segment.End;
        }
    }
}
