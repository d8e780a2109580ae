namespace DiagBot.Bot.Chat;

/// <summary>Who asked for a diagnosis and where, for the audit line.</summary>
/// <param name="Channel">cli, webchat, slack, teams or auto-post.</param>
/// <param name="Who">The user as the channel names them, when it does.</param>
/// <param name="Where">The conversation, channel or address the request came from.</param>
public sealed record Requester(string Channel, string? Who = null, string? Where = null)
{
    public static Requester Unknown { get; } = new("unknown");
}
