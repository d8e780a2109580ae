namespace DiagBot.Bot.Rendering;

/// <summary>What to type when no failure mode matches: the subjects SubjectParser reads, written once for every channel.</summary>
internal static class NoMatchHint
{
    /// <summary>chat.js repeats this sentence word for word, as JavaScript cannot read it; NoMatchHintTests keeps the two equal.</summary>
    public const string Markdown =
        "No known failure mode matches. Give a task id or ARN, `service <name> in <cluster>`, `target group <name>`, "
        + "`pod <namespace>/<name> [in <cluster>]`, `deployment <namespace>/<name> [in <cluster>]` or `deployment ecs-svc/<id>` "
        + "(service and target group ARNs work too) so DiagBot can read the evidence.";

    /// <summary>Teams TextRuns are never read as Markdown, so the subjects are quoted rather than shown as code.</summary>
    public static string PlainQuoted { get; } = Markdown.Replace('`', '\'');
}
