using System.Text.RegularExpressions;

namespace DiagBot.Bot.Slack;

/// <summary>An app_mention's text without the mentions: "&lt;@U0BOT&gt; diagnose task abc" reads "diagnose task abc".</summary>
internal static partial class SlackMention
{
    public static string Strip(string text) => SlackText.Unescape(Mention().Replace(text, " ").Trim());

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();
}
