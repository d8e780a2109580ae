using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace DiagBot.Bot.Teams;

/// <summary>
/// The Bot Framework's signing keys carry an extra `endorsements` list: the channel ids a key may sign for.
/// A token for an msteams activity must be signed by a key endorsed for msteams.
/// </summary>
internal static class KeyEndorsements
{
    public const string Property = "endorsements";

    public static bool Endorses(JsonWebKey? key, string? channelId)
    {
        if (key is null || string.IsNullOrEmpty(channelId))
        {
            return false;
        }

        if (!key.AdditionalData.TryGetValue(Property, out var raw) || raw is null)
        {
            return false;
        }

        return Values(raw).Any(value => string.Equals(value, channelId, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string?> Values(object raw) => raw switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : null),
        string single => [single],
        IEnumerable items => items.Cast<object?>().Select(item => item switch
        {
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            _ => item?.ToString(),
        }),
        _ => [],
    };
}
