namespace DiagBot.Bot.Chat;

public enum ChatCommandKind
{
    Help,
    Diagnose,
    Invalid,
}

/// <summary>What an engineer typed in any chat channel, parsed once for Slack, Teams and the web chat alike.</summary>
/// <param name="Subject">What follows "diagnose", for the subject parser.</param>
/// <param name="Share">`--share`: post the answer for the whole channel instead of only the asker.</param>
/// <param name="Error">For Invalid: what was wrong and what to type instead.</param>
public sealed record ChatCommand(ChatCommandKind Kind, string Subject = "", bool Share = false, string? Error = null)
{
    public const string Usage = """
        Usage: `/diagnose <task id or ARN | service <name> in <cluster> or service ARN | target group <name> or ARN | pod <namespace>/<name> [in <cluster>] | deployment <namespace>/<name> [in <cluster>] | deployment ecs-svc/<id> | symptom>` [--share]
        Examples: `/diagnose arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef`, `/diagnose service web in prod`, `/diagnose ALB 503 since the deploy`
        `--share` posts the answer for the whole channel. `help` shows this.
        """;
}
