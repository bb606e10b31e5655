using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Core.Writing;

/// <summary>Registers the output writers.</summary>
public static class WritingServiceCollectionExtensions
{
    /// <summary>The service key of the English edition writer (<c>&lt;Name&gt;.en.txt</c>).</summary>
    public const string EditionKey = "edition";

    /// <summary>The service key of the TMX 1.4b writer (<c>&lt;Name&gt;.tmx</c>).</summary>
    public const string TmxKey = "tmx";

    /// <summary>
    /// Registers the edition writer and the TMX writer as keyed <see cref="IDocumentWriter"/>s
    /// (<see cref="EditionKey"/>, <see cref="TmxKey"/>) and, as the same instances, as plain
    /// <see cref="IDocumentWriter"/>s, so the pipeline can take <c>IEnumerable&lt;IDocumentWriter&gt;</c>.
    /// Calling it twice registers nothing more.
    /// </summary>
    public static IServiceCollection AddWriting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IDocumentWriter) && d.IsKeyedService && Equals(d.ServiceKey, TmxKey)))
        {
            return services;
        }

        services.AddKeyedSingleton<IDocumentWriter, EditionWriter>(EditionKey);
        services.AddKeyedSingleton<IDocumentWriter, TmxWriter>(TmxKey);
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IDocumentWriter>(EditionKey));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IDocumentWriter>(TmxKey));
        return services;
    }
}
