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
internal sealed record SlackJob(SlackJobKind Kind, SlackReplyTarget Target, string Subject = "", int Page = 1, SlackMessage? Message = null, SlackAsker? Asker = null)
{
    public static SlackJob Diagnose(string subject, SlackReplyTarget target, SlackAsker asker, int page = 1) => new(SlackJobKind.Diagnose, target, subject, page, Asker: asker);

    public static SlackJob Raw(string subject, SlackReplyTarget target, SlackAsker asker) => new(SlackJobKind.RawEvidence, target, subject, Asker: asker);

    public static SlackJob Send(SlackMessage message, SlackReplyTarget target) => new(SlackJobKind.Message, target, Message: message);
}
