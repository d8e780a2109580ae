using System.Collections.Concurrent;
using System.Text.Json;

namespace DiagBot.Bot.Slack;

/// <summary>Members of a user group (usergroups.users.list, scope usergroups:read), cached for a few minutes.</summary>
internal sealed class SlackUserGroupDirectory(SlackWebApiClient api, SlackOptions options, TimeProvider time, ILogger<SlackUserGroupDirectory> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Members, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> MembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userGroupId, out var cached) && now - cached.ReadAt < CacheFor)
        {
            return cached.Members;
        }

        try
        {
            var arguments = new Dictionary<string, string> { ["usergroup"] = userGroupId };
            var answer = await api.CallFormAsync("usergroups.users.list", arguments, options.BotToken!, cancellationToken).ConfigureAwait(false);
            var users = answer.Child("users");
            var members = users.ValueKind == JsonValueKind.Array
                ? users.EnumerateArray().Select(user => user.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal)
                : [];
            _cache[userGroupId] = (members, now);
            return members;
        }
        catch (Exception exception) when (exception is SlackApiException or HttpRequestException)
        {
            // Refuse rather than let everyone in when the allowlist cannot be read; an old answer is better than none.
            logger.LogWarning(exception, "Could not read the members of user group {UserGroup}", userGroupId);
            return cached.Members ?? new HashSet<string>();
        }
    }
}
