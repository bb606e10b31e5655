using Bilingual.Core.Documents;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Alignment;

/// <summary>
/// The aligner the translate pipeline calls per paragraph: a dynamic programme over beads up to
/// <see cref="AlignmentOptions.MaxBeadSize"/> with Gale &amp; Church length costs and lexical similarity
/// (against the bridge translation where there is one), every bead carrying its posterior probability as
/// confidence.
/// </summary>
internal sealed class SentenceAligner(IOptions<AlignmentOptions> options) : ISentenceAligner
{
    /// <inheritdoc />
    public IReadOnlyList<Bead> Align(AlignmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = new AlignmentModel(input.Source, input.Target, input.Bridge, options.Value);
        return [.. model.Align().Select(b => DocumentAligner.ToBead(b))];
    }
}
