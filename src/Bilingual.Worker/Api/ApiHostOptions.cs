using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Api;

/// <summary>
/// Who may call the HTTP API and how much. Section <c>Api</c> (beside the jobs' settings of
/// <see cref="Core.Jobs.JobOptions"/> in the same section).
/// </summary>
public sealed class ApiHostOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Api";

    /// <summary>The address Kestrel listens on. Default <c>http://127.0.0.1:5080</c>; <c>--urls</c> overrides it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The API keys, by client name (<c>Api:Keys:newsroom</c> = key). A request carries its key as
    /// <c>Authorization: Bearer KEY</c>; keys are compared in constant time and never logged. Empty: every request is refused.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each client's budget and state, by client name (<c>Api:Clients:newsroom:RequestsPerMinute</c>).</summary>
    public Dictionary<string, ApiClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The largest request body, in bytes. Default 16 MiB (as <c>Reading:MaxFileBytes</c>). Range 1 KiB to 1 GiB.</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBytes { get; set; } = 16L << 20;

    /// <summary>The longest article <c>POST /v1/translate</c> takes, in characters; longer ones go to <c>/v1/jobs</c>. Default 20,000. Range 100–1,000,000.</summary>
    [Range(100, 1_000_000)]
    public int MaxSyncCharacters { get; set; } = 20_000;

    /// <summary>The budget of a client that <see cref="Clients"/> does not name.</summary>
    [ValidateObjectMembers]
    public ApiClientOptions DefaultClient { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The generated validator does not reach into dictionary values: each client's budget is checked here.
        foreach (var (name, client) in Clients)
        {
            if (client.RequestsPerMinute is < 1 or > 1_000_000)
            {
                yield return new ValidationResult($"Api:Clients:{name}:RequestsPerMinute must be between 1 and 1000000.");
            }

            if (client.CharactersPerDay is < 1 or > 1_000_000_000_000)
            {
                yield return new ValidationResult($"Api:Clients:{name}:CharactersPerDay must be between 1 and 1000000000000.");
            }
        }

        foreach (var (name, key) in Keys)
        {
            if (key.Length < 16)
            {
                yield return new ValidationResult($"Api:Keys:{name} is shorter than 16 characters: use a long random key (openssl rand -hex 32).");
            }
        }
    }
}

/// <summary>One client's state and budget.</summary>
public sealed class ApiClientOptions
{
    /// <summary>True to refuse the client's requests (403) while keeping its key and jobs. Default false.</summary>
    public bool Disabled { get; set; }

    /// <summary>Requests a minute, all endpoints together. Default 600. Range 1–1,000,000.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Article characters a day submitted to <c>/v1/jobs</c> and <c>/v1/translate</c>. Default 10,000,000. Range 1 to 10¹².</summary>
    [Range(1, 1_000_000_000_000)]
    public long CharactersPerDay { get; set; } = 10_000_000;
}

/// <summary>Checks <see cref="ApiHostOptions"/> against its validation attributes, in code generated at build time.</summary>
[OptionsValidator]
internal sealed partial class ApiHostOptionsValidator : IValidateOptions<ApiHostOptions>
{
}
