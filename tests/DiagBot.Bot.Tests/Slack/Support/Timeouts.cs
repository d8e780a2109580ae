namespace DiagBot.Bot.Tests.Slack.Support;

internal static class Timeouts
{
    // Generous: a first diagnosis against the in-process sandbox warms up the whole pipeline.
    public static readonly TimeSpan Answer = TimeSpan.FromSeconds(30);
}
