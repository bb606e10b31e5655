// Types for LayerTests only: two folders that use each other, the way Caching and Translation once did.
namespace Bilingual.Tests.Architecture.Fixture.Caching
{
    internal sealed class TranslationCache
    {
        // Used only inside a lambda's body: the reader must find uses in compiler-generated closures too.
        public Func<object> Factory { get; } = () => new Translation.TranslatedText();
    }
}

namespace Bilingual.Tests.Architecture.Fixture.Translation
{
    internal sealed class TranslatedText;

    internal sealed class TranslationService
    {
        private readonly Caching.TranslationCache _cache = new();

        public object Create() => _cache.Factory();
    }
}
