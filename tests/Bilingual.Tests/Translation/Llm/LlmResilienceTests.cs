using Bilingual.Benchmarks.Fakes;
using Bilingual.Core.Translation;
using Bilingual.Core.Translation.Llm;
using Bilingual.Tests.Translation.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Tests.Translation.Llm;

/// <summary>The resilience contract, through the LLM backend and its fake chat completions endpoint.</summary>
public sealed class LlmResilienceTests : ResilienceContractTests<LlmTranslatorOptions>
{
    private const string FakeKey = "sk-fake-resilience-94d0a7e2";
    private const string Model = "fake-translator-1";

    private protected override string Key => FakeKey;

    protected override string Section => LlmTranslatorOptions.SectionName;

    protected override string Service => "The LLM endpoint";

    protected override string UnavailableMessage => "The LLM endpoint is overloaded or temporarily unavailable (503).";

    private protected override async Task<IResilienceFake> StartFakeAsync(TimeProvider time) =>
        new BackendResilienceFake(await FakeLlmServer.StartAsync(new FakeLlmServer { TimeProvider = time, RequiredKey = FakeKey, Model = Model }));

    private protected override Dictionary<string, string?> Connect(IResilienceFake server) =>
        new(base.Connect(server)) { ["Model"] = Model };

    private protected override void Register(IServiceCollection services) => services.AddLlmTranslator();

    private protected override ITextTranslator Translator(IServiceProvider services) => services.GetRequiredService<LlmTranslator>();
}
