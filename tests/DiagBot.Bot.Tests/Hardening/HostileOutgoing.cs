namespace DiagBot.Bot.Tests.Hardening;

/// <summary>
/// Texts that arrived verbatim in incident posts (issue 16): pings, a forged link, a mention, credentials and a
/// terminal escape, each paired with what must never reach a surface as written.
/// </summary>
internal static class HostileOutgoing
{
    public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string BotToken = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    public const string Password = "hunter2";

    public static readonly IReadOnlyList<string> Texts =
    [
        "<!channel> the task stopped",
        "<!here|here> <!everyone> look",
        "open <https://evil.example|AWS Console> to fix it",
        "ask <@U0ADMIN> for access",
        "<#C0GENERAL> <!subteam^S0ONCALL>",
        "credentials " + AccessKey + " in the environment",
        "SLACK_TOKEN " + BotToken,
        "DB_PASSWORD=" + Password + " from the task definition",
        "*bold* _it_ ~strike~ `code` [link](https://evil.example) # heading <b>html</b>",
        "clear screen \u001b[2J\u001b]0;owned\u0007 and \u009b31m red",
    ];

    /// <summary>What a Slack mrkdwn text must not hold: a control sequence Slack would act on, a secret, a terminal control.</summary>
    public static readonly IReadOnlyList<string> ForbiddenInSlack = ["<!", "<@", "<#", "<http", AccessKey, BotToken, Password, "\u001b", "\u009b", "\u0007"];

    /// <summary>What a Teams text (TextRun or Markdown) must not hold as written.</summary>
    public static readonly IReadOnlyList<string> ForbiddenInTeams = [AccessKey, BotToken, Password, "\u001b", "\u009b", "\u0007", ":rotating_light:"];

    /// <summary>Every hostile text joined, as one event's reason would carry it.</summary>
    public static string All => string.Join(" | ", Texts);
}
