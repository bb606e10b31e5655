using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.DeepL;
using Bilingual.Tests.Translation.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Translation.DeepL;

/// <summary>The resilience contract, through the DeepL backend and its fake.</summary>
public sealed class DeepLResilienceTests : ResilienceContractTests<DeepLTranslatorOptions>
{
    private const string FakeKey = "fake-deepl-resilience-0b6e2d41:fx";

    private protected override string Key => FakeKey;

    protected override string Section => DeepLTranslatorOptions.SectionName;

    protected override string Service => "DeepL";

    protected override string UnavailableMessage => "DeepL is temporarily unavailable (503).";

    private protected override async Task<IResilienceFake> StartFakeAsync(TimeProvider time) =>
        new BackendResilienceFake(await FakeDeepLServer.StartAsync(new FakeDeepLServer { TimeProvider = time, Key = FakeKey }));

    private protected override void Register(IServiceCollection services) => services.AddDeepLTranslator();

    private protected override ITextTranslator Translator(IServiceProvider services) => services.GetRequiredService<DeepLTranslator>();
}
