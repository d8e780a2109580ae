namespace DiagBot.Bot.Slack;

/// <summary>The action ids of DiagBot's buttons; their value is the subject (and, for "show more", the page first).</summary>
internal static class SlackActions
{
    public const string Rerun = "diagbot_rerun";
    public const string Share = "diagbot_share";
    public const string RawEvidence = "diagbot_raw_evidence";
    public const string ShowMore = "diagbot_show_more";

    public static string ShowMoreValue(int page, string subject) => $"{page}:{subject}";

    public static (int Page, string Subject) ReadShowMoreValue(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(value.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0
            ? (page, value[(colon + 1)..])
            : (1, value);
    }
}
