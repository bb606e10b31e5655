using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Api;

/// <summary>
/// Who is calling: the client whose key the request's <c>Authorization: Bearer</c> header carries. Every configured
/// key is compared, in constant time, so the time an answer takes tells nothing about which key nearly matched.
/// </summary>
internal sealed class ApiClients(IOptionsMonitor<ApiHostOptions> options)
{
    private const string ItemKey = "bilingual.client";

    /// <summary>The client of an authenticated request.</summary>
    public static string ClientOf(HttpContext context) => TryClientOf(context) ?? throw new InvalidOperationException("the request was not authenticated");

    /// <summary>The client of the request, or null before (or without) authentication.</summary>
    public static string? TryClientOf(HttpContext context) => context?.Items[ItemKey] as string;

    /// <summary>The client's budget and state.</summary>
    public ApiClientOptions Budget(string client) =>
        options.CurrentValue.Clients.GetValueOrDefault(client) ?? options.CurrentValue.DefaultClient;

    /// <summary>
    /// Checks the request's key: null when it names an enabled client (then <see cref="ClientOf"/> returns it), else
    /// the problem to answer with (401 without or with an unknown key, 403 for a disabled client).
    /// </summary>
    public IResult? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Of(Problems.Unauthorized, "send the client's API key as 'Authorization: Bearer KEY' (Api:Keys:<client>)");
        }

        // FixedTimeEquals needs equal lengths: both sides are hashed first, which also hides the key's length.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        string? client = null;
        foreach (var (name, key) in options.CurrentValue.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(key))) && key.Length > 0)
            {
                client ??= name;
            }
        }

        if (client is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Problems.Of(Problems.Unauthorized, "the API key is not one of Api:Keys");
        }

        if (Budget(client).Disabled)
        {
            return Problems.Of(Problems.Forbidden, $"client '{client}' is disabled (Api:Clients:{client}:Disabled)");
        }

        context.Items[ItemKey] = client;
        return null;
    }
}
