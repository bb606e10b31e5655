using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.LibreTranslate;
using Bilingual.Tests.Translation.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Translation.LibreTranslate;

/// <summary>The resilience contract, through the LibreTranslate backend and its fake (a server with API keys).</summary>
public sealed class LibreTranslateResilienceTests : ResilienceContractTests<LibreTranslateTranslatorOptions>
{
    private const string FakeKey = "lt-fake-resilience-5c83e0f1";

    private protected override string Key => FakeKey;

    protected override string Section => LibreTranslateTranslatorOptions.SectionName;

    protected override string Service => "LibreTranslate";

    protected override string UnavailableMessage => "LibreTranslate failed (HTTP 503).";

    private protected override async Task<IResilienceFake> StartFakeAsync(TimeProvider time) =>
        new BackendResilienceFake(await FakeLibreTranslateServer.StartAsync(new FakeLibreTranslateServer { TimeProvider = time, RequiredKey = FakeKey }));

    private protected override void Register(IServiceCollection services) => services.AddLibreTranslateTranslator();

    private protected override ITextTranslator Translator(IServiceProvider services) => services.GetRequiredService<LibreTranslateTranslator>();
}
