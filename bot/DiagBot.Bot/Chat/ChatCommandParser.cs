namespace DiagBot.Bot.Chat;

/// <summary>
/// Reads "/diagnose ...", "diagnose ...", a slash command's bare text, or "help". Mentions are stripped by
/// each channel before this (Slack's &lt;@U123&gt;, Teams' &lt;at&gt;...&lt;/at&gt;).
/// </summary>
public static class ChatCommandParser
{
    public const int MaxLength = 4000;

    private const string ShareFlag = "--share";

    private static readonly string[] DiagnoseVerbs = ["/diagnose", "diagnose"];

    private static readonly string[] HelpWords = ["help", "/help", "--help", "-h", "?", "/diagnose help", "diagnose help"];

    public static ChatCommand Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length > MaxLength)
        {
            return new ChatCommand(ChatCommandKind.Invalid, Error: $"That message is {trimmed.Length} characters; keep it under {MaxLength}. Paste the task ARN or the one error line.");
        }

        if (trimmed.Length == 0 || HelpWords.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return new ChatCommand(ChatCommandKind.Help);
        }

        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (DiagnoseVerbs.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        var share = words.RemoveAll(word => word.Equals(ShareFlag, StringComparison.OrdinalIgnoreCase)) > 0;
        var unknownFlag = words.FirstOrDefault(word => word.StartsWith("--", StringComparison.Ordinal));
        if (unknownFlag is not null)
        {
            return new ChatCommand(ChatCommandKind.Invalid, Error: $"Unknown option {unknownFlag}. The only option is {ShareFlag}.");
        }

        return words.Count == 0
            ? new ChatCommand(ChatCommandKind.Help, Share: share)
            : new ChatCommand(ChatCommandKind.Diagnose, string.Join(' ', words), share);
    }
}
