using System.Collections.Concurrent;
using System.Text.Json;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Members of a user group (usergroups.users.list, scope usergroups:read), cached for a few minutes. A lookup is
/// bounded (<see cref="LookupTimeout"/>) and never throws: what cannot be read is the old answer, or null.
/// </summary>
internal sealed class SlackUserGroupDirectory(SlackWebApiClient api, SlackOptions options, TimeProvider time, ILogger<SlackUserGroupDirectory> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>Slack's Tier 2 methods may answer 429 with a Retry-After of seconds; past this the asker hears why instead.</summary>
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Members, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>The members read within <see cref="CacheFor"/>, or null.</summary>
    public IReadOnlySet<string>? Cached(string userGroupId) =>
        _cache.TryGetValue(userGroupId, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheFor ? cached.Members : null;

    /// <summary>The members, fresh or as last read; null when they were never read and cannot be now.</summary>
    public async Task<IReadOnlySet<string>?> MembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        if (Cached(userGroupId) is { } fresh)
        {
            return fresh;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(LookupTimeout);
        try
        {
            var arguments = new Dictionary<string, string> { ["usergroup"] = userGroupId };
            var answer = await api.CallFormAsync("usergroups.users.list", arguments, options.BotToken!, bounded.Token).ConfigureAwait(false);
            var users = answer.Child("users");
            IReadOnlySet<string> members = users.ValueKind == JsonValueKind.Array
                ? users.EnumerateArray().Select(user => user.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>();
            _cache[userGroupId] = (members, time.GetUtcNow());
            return members;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Refuse rather than let everyone in when the allowlist cannot be read; an old answer is better than none.
            logger.LogWarning(exception, "Could not read the members of user group {UserGroup}", userGroupId);
            return _cache.TryGetValue(userGroupId, out var stale) ? stale.Members : null;
        }
    }
}
