using System.Text.Json;
using System.Text.Json.Serialization;
using Bilingual.Core.Jobs;

namespace Bilingual.Worker.Api;

/// <summary>The JSON of the API, generated at build time (camelCase; enums as their documented names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobSubmission))]
[JsonSerializable(typeof(TranslationJob))]
[JsonSerializable(typeof(TranslateRequest))]
[JsonSerializable(typeof(TranslateResponse))]
[JsonSerializable(typeof(AlignRequestBody))]
[JsonSerializable(typeof(AlignResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
