using DiagBot.Bot.Chat;

namespace DiagBot.Bot.Slack;

/// <summary>Who asked in Slack: the user, their workspace (team) and the channel, carried into the job for the audit line.</summary>
internal sealed record SlackAsker(string UserId, string? TeamId, string? ChannelId)
{
    /// <summary>The audit's "where": workspace and channel, so a user id is never ambiguous across workspaces.</summary>
    public Requester ToRequester(SlackReplyTarget target)
    {
        var channel = ChannelId ?? target.Channel ?? "a slash command";
        return new Requester("slack", UserId, TeamId is null ? channel : $"{TeamId}/{channel}");
    }
}
