using Bilingual.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Segmentation;

/// <summary>Registers sentence segmentation.</summary>
public static class SegmentationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SegmentationOptions"/> (section <c>Segmentation</c>, validated at start) and a
    /// singleton <see cref="ISentenceSegmenter"/>: the SRX rules of <c>Segmentation:SrxPath</c> when it is
    /// set, otherwise the built-in rules.
    /// </summary>
    public static IServiceCollection AddSegmentation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SegmentationOptions>()
            .BindConfiguration(SegmentationOptions.SectionName)
            .ValidateWith<SegmentationOptions, SegmentationOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton<ISentenceSegmenter>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SegmentationOptions>>();
            var srxPath = options.Value.SrxPath;
            return string.IsNullOrWhiteSpace(srxPath)
                ? new RuleBasedSentenceSegmenter(options)
                : SrxSentenceSegmenter.Load(srxPath, TimeSpan.FromMilliseconds(options.Value.SrxMatchTimeoutMilliseconds));
        });
        return services;
    }
}
