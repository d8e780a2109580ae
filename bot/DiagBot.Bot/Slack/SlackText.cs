namespace DiagBot.Bot.Slack;

/// <summary>
/// Slack mrkdwn escaping. Slack reads `&lt;!channel&gt;`, `&lt;@U123&gt;` and `&lt;http://x|label&gt;` as control sequences,
/// so text from the infrastructure (log lines, reasons, names) has &amp;, &lt; and &gt; escaped before it is sent.
/// </summary>
internal static class SlackText
{
    private const string Ellipsis = "…";

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>What a user typed: Slack sends &amp;, &lt; and &gt; escaped in message and command text.</summary>
    public static string Unescape(string text) => text
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Inline code on one line; a backtick inside would end the code span early.</summary>
    public static string Code(string text) => "`" + Escape(text.Replace('`', '\'').ReplaceLineEndings(" ")) + "`";

    /// <summary>A code block; three backticks inside would end it early.</summary>
    public static string CodeBlock(string text) => "```" + Escape(text.Replace("```", "'''", StringComparison.Ordinal)) + "```";

    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + Ellipsis;
    }
}
