using System.Net;
using System.Text.RegularExpressions;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Removes the bot's own @mention from a message. Teams puts it in the text as &lt;at&gt;Name&lt;/at&gt; and lists it
/// in `entities` (type mention, mentioned.id = the bot); other people's mentions stay as their names.
/// </summary>
internal static partial class TeamsMention
{
    public static string StripBotMention(TeamsActivity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        var botNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddName(botNames, activity.Recipient?.Name);
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || botId is null || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            AddName(botNames, entity.Mentioned?.Name);
            if (!string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, " ", StringComparison.Ordinal);
            }
        }

        // The documentation's own samples differ on "<at>Name</at>" and "<at>@Name</at>", so match the bot by name too;
        // anyone else's tag keeps the name as words.
        text = AtTag().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            return botNames.Contains(name.Trim().TrimStart('@')) ? " " : name;
        });
        return WebUtility.HtmlDecode(text).Replace('\u00a0', ' ').Trim();
    }

    private static void AddName(HashSet<string> names, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            names.Add(name.Trim().TrimStart('@'));
        }
    }

    [GeneratedRegex("<at>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();
}
