using Bilingual.Core.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Writing;

public sealed class WritingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddWriting_ResolvesEachWriterByKey()
    {
        using var provider = new ServiceCollection().AddWriting().BuildServiceProvider();

        Assert.IsType<EditionWriter>(provider.GetRequiredKeyedService<IDocumentWriter>("edition"));
        Assert.IsType<TmxWriter>(provider.GetRequiredKeyedService<IDocumentWriter>("tmx"));
    }

    [Fact]
    public void AddWriting_EnumerableHoldsTheSameInstancesAsTheKeys()
    {
        using var provider = new ServiceCollection().AddWriting().BuildServiceProvider();

        var writers = provider.GetServices<IDocumentWriter>().ToList();

        Assert.Equal(WriterKeys.All.Count, writers.Count);
        Assert.Equal(WriterKeys.All.Select(k => provider.GetRequiredKeyedService<IDocumentWriter>(k)), writers);
    }

    [Fact]
    public void AddWriting_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection().AddWriting();
        var count = services.Count;

        services.AddWriting();

        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(WriterKeys.All.Count, provider.GetServices<IDocumentWriter>().Count());
    }
}
