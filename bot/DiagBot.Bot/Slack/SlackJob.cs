namespace DiagBot.Bot.Slack;

internal enum SlackJobKind
{
    /// <summary>Diagnose the subject and send the page asked for.</summary>
    Diagnose,

    /// <summary>Diagnose the subject and send the raw evidence.</summary>
    RawEvidence,

    /// <summary>Send a ready message (usage, a refusal) without diagnosing.</summary>
    Message,
}

/// <summary>Work a Slack request leaves for the background, so Slack gets its acknowledgement at once.</summary>
/// <param name="CheckAccess">The asker's user group membership was not in the cache: the runner reads it before anything else.</param>
internal sealed record SlackJob(SlackJobKind Kind, SlackReplyTarget Target, string Subject = "", int Page = 1, SlackMessage? Message = null, SlackAsker? Asker = null, bool CheckAccess = false)
{
    public static SlackJob Diagnose(string subject, SlackReplyTarget target, SlackAsker asker, int page = 1, bool checkAccess = false) => new(SlackJobKind.Diagnose, target, subject, page, Asker: asker, CheckAccess: checkAccess);

    public static SlackJob Raw(string subject, SlackReplyTarget target, SlackAsker asker, bool checkAccess = false) => new(SlackJobKind.RawEvidence, target, subject, Asker: asker, CheckAccess: checkAccess);

    public static SlackJob Send(SlackMessage message, SlackReplyTarget target) => new(SlackJobKind.Message, target, Message: message);
}
