using System.Text;
using Bilingual.Core.Documents;

namespace Bilingual.Core.Review;

/// <summary>Carries reviewers' stored corrections into a freshly aligned document.</summary>
public interface IReviewApplier
{
    /// <summary>
    /// Returns <paramref name="document"/> with every bead whose source text has a stored correction
    /// marked (<see cref="Bead.Review"/>) and, for corrections, its target replaced; the document itself
    /// when nothing applies.
    /// </summary>
    Task<BilingualDocument> ApplyAsync(BilingualDocument document, CancellationToken cancellationToken);
}

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
    private static AlignedParagraph RebuildTargets(AlignedParagraph paragraph, (ReviewMark Mark, string? NewTarget)?[] decisions)
    {
        var oldTargets = paragraph.TargetSegments;
        var text = paragraph.TargetText;
        var builder = new StringBuilder(text.Length + 64);
        var segments = new List<Segment>(oldTargets.Count + 1);
        var beadTargets = new List<int>[paragraph.Beads.Count];
        var copiedUpTo = 0;
        var afterNew = false;

        void Emit(string segmentText, int from, int to, int bead)
        {
            // Keep what lies between segments (spaces, stray text) as it was.
            builder.Append(text, copiedUpTo, from - copiedUpTo);
            if (segmentText.Length > 0 && builder.Length > 0 && !char.IsWhiteSpace(builder[^1]))
            {
                builder.Append(' ');
            }

            segments.Add(new Segment(segments.Count, builder.Length, segmentText));
            builder.Append(segmentText);
            beadTargets[bead].Add(segments.Count - 1);
            copiedUpTo = to;
            afterNew = true;
        }

        var owner = new int[oldTargets.Count];
        Array.Fill(owner, -1);
        for (var b = 0; b < paragraph.Beads.Count; b++)
        {
            beadTargets[b] = [];
            foreach (var t in paragraph.Beads[b].Target)
            {
                owner[t] = b;
            }
        }

        // Corrected beads with no target of their own (1-0) are inserted before the next bead's first target.
        var pendingInserts = new Queue<int>();
        var nextOld = 0;
        for (var b = 0; b < paragraph.Beads.Count; b++)
        {
            var bead = paragraph.Beads[b];
            if (decisions[b]?.NewTarget is not null && bead.Target.Count == 0)
            {
                pendingInserts.Enqueue(b);
                continue;
            }

            if (bead.Target.Count == 0)
            {
                continue;
            }

            var first = bead.Target[0];
            for (; nextOld < first; nextOld++)
            {
                CopyOld(nextOld);
            }

            while (pendingInserts.TryDequeue(out var inserted))
            {
                var at = oldTargets[first].Start;
                Emit(decisions[inserted]!.Value.NewTarget!, at, at, inserted);
            }

            if (decisions[b]?.NewTarget is { } newText)
            {
                Emit(newText, oldTargets[first].Start, oldTargets[bead.Target[^1]].End, b);
                nextOld = bead.Target[^1] + 1;
            }
            else
            {
                for (; nextOld <= bead.Target[^1]; nextOld++)
                {
                    CopyOld(nextOld);
                }
            }
        }

        for (; nextOld < oldTargets.Count; nextOld++)
        {
            CopyOld(nextOld);
        }

        while (pendingInserts.TryDequeue(out var inserted))
        {
            Emit(decisions[inserted]!.Value.NewTarget!, text.Length, text.Length, inserted);
        }

        builder.Append(text, copiedUpTo, text.Length - copiedUpTo);

        var beads = paragraph.Beads.Select((bead, b) =>
        {
            var updated = bead with { Target = beadTargets[b] };
            return decisions[b] is { } d ? updated with { Review = d.Mark } : updated;
        }).ToList();
        return paragraph with { TargetText = builder.ToString(), TargetSegments = segments, Beads = beads };

        void CopyOld(int t)
        {
            var segment = oldTargets[t];
            var bead = owner[t];
            builder.Append(text, copiedUpTo, segment.Start - copiedUpTo);
            if (afterNew && builder.Length > 0 && !char.IsWhiteSpace(builder[^1]))
            {
                builder.Append(' ');
            }

            afterNew = false;
            segments.Add(new Segment(segments.Count, builder.Length, segment.Text));
            builder.Append(segment.Text);
            if (bead >= 0)
            {
                beadTargets[bead].Add(segments.Count - 1);
            }

            copiedUpTo = segment.End;
        }
    }
}
