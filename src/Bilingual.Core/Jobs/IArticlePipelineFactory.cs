using Bilingual.Core.Pipeline;

namespace Bilingual.Core.Jobs;

/// <summary>The translate pipeline for a job's backend and language pair (the configured one, or one built for the job's choice).</summary>
public interface IArticlePipelineFactory
{
    /// <summary>The pipeline that translates with <paramref name="backend"/> from <paramref name="sourceLanguage"/> into <paramref name="targetLanguage"/>.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">That backend is not configured (no key, no endpoint).</exception>
    IArticlePipeline Create(string backend, string sourceLanguage, string targetLanguage);
}
