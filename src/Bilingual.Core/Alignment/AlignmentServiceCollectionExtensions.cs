using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilingual.Core.Alignment;

/// <summary>Registers the sentence aligner.</summary>
public static class AlignmentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISentenceAligner"/> (lengths, lexical overlap with the source or its bridge translation,
    /// numbers and punctuation) and the document aligner the align command uses, with validated
    /// <see cref="AlignmentOptions"/> from the <c>Alignment</c> section. An <see cref="IBilingualLexicon"/>
    /// registered beside it is used where no bridge translation is given.
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
