using Bilingual.Core.Documents;

namespace Bilingual.Core.Alignment;

/// <summary>Aligns the sentences of a source text with the sentences of its translation.</summary>
public interface ISentenceAligner
{
    /// <summary>
    /// Returns the beads that cover every source and every target sentence once, in order.
    /// </summary>
    IReadOnlyList<Bead> Align(AlignmentInput input);
}

/// <summary>The sentences of one block (a paragraph, or a whole document without paragraphs) to align.</summary>
/// <param name="Source">The source sentences.</param>
/// <param name="Target">The target sentences.</param>
/// <param name="Bridge">
/// Optional: a machine translation of each source sentence into the target language, line for line with
/// <paramref name="Source"/>, used to compare like with like.
/// </param>
public sealed record AlignmentInput(
    IReadOnlyList<string> Source,
    IReadOnlyList<string> Target,
    IReadOnlyList<string>? Bridge = null);
