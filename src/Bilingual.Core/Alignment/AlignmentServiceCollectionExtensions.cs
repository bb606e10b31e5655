using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Alignment;

/// <summary>Registers the sentence aligner.</summary>
public static class AlignmentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISentenceAligner"/> (lengths, lexical overlap with the source or its bridge translation,
    /// numbers and punctuation) and the document aligner the align job uses, with validated
    /// <see cref="AlignmentOptions"/> from the <c>Alignment</c> section. The align job passes the document aligner an
    /// <see cref="Lexicon.IBilingualLexicon"/> for pairs without a bridge translation.
    /// </summary>
    public static IServiceCollection AddAlignment(this IServiceCollection services)
    {
        services.AddOptions<AlignmentOptions>()
            .BindConfiguration(AlignmentOptions.SectionName)
            .ValidateWith<AlignmentOptions, AlignmentOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton<DocumentAligner>();
        services.TryAddSingleton<ISentenceAligner, SentenceAligner>();
        return services;
    }
}
