using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bilingual.Worker.Api;

/// <summary>
/// Each client's article characters a day (<see cref="ApiClientOptions.CharactersPerDay"/>): a fixed window of 24 hours
/// from the client's first request, on the injected clock. Over budget is 429 with <c>Retry-After</c> until the window ends.
/// </summary>
internal sealed class CharacterBudgets(ApiClients clients, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);

    /// <summary>Spends <paramref name="characters"/> of <paramref name="client"/>'s budget; null when they fit, else the 429 to answer.</summary>
    public ProblemHttpResult? Spend(string client, long characters, HttpContext context)
    {
        var limit = clients.Budget(client).CharactersPerDay;
        var budget = _budgets.GetOrAdd(client, _ => new Budget(time.GetUtcNow()));
        TimeSpan? wait;
        lock (budget)
        {
            var now = time.GetUtcNow();
            if (now - budget.Start >= Window)
            {
                (budget.Start, budget.Used) = (now, 0);
            }

            wait = budget.Used + characters <= limit ? null : budget.Start + Window - now;
            if (wait is null)
            {
                budget.Used += characters;
            }
        }

        if (wait is not { } retry)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problems.Of(Problems.RateLimited, characters > limit
            ? $"{characters:N0} characters are more than client '{client}' may send in a day ({limit:N0}, Api:Clients:{client}:CharactersPerDay)"
            : $"client '{client}' has used its {limit:N0} characters for the day (Api:Clients:{client}:CharactersPerDay)");
    }

    private sealed class Budget(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public long Used { get; set; }
    }
}
