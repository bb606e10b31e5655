using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Core.Writing;

/// <summary>Registers the output writers.</summary>
public static class WritingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the edition, TMX, XLIFF and review page writers as keyed <see cref="IDocumentWriter"/>s (<see cref="WriterKeys"/>)
    /// and, as the same instances and in that order, as plain <see cref="IDocumentWriter"/>s, so the pipeline can take
    /// <c>IEnumerable&lt;IDocumentWriter&gt;</c>. The review page reads the confidence bands of
    /// <see cref="Review.ReviewOptions"/>, which <c>AddReview</c> registers. Calling it twice registers nothing more.
    /// </summary>
    public static IServiceCollection AddWriting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IDocumentWriter) && d.IsKeyedService && Equals(d.ServiceKey, WriterKeys.Tmx)))
        {
            return services;
        }

        // The review page's options default when the review step is not registered (a host that only writes).
        services.AddOptions();
        services.AddKeyedSingleton<IDocumentWriter, EditionWriter>(WriterKeys.Edition);
        services.AddKeyedSingleton<IDocumentWriter, TmxWriter>(WriterKeys.Tmx);
        services.AddKeyedSingleton<IDocumentWriter, XliffWriter>(WriterKeys.Xliff);
        services.AddKeyedSingleton<IDocumentWriter, ReviewPageWriter>(WriterKeys.ReviewPage);
        foreach (var key in WriterKeys.All)
        {
            services.AddSingleton(provider => provider.GetRequiredKeyedService<IDocumentWriter>(key));
        }

        return services;
    }
}
