using DiagBot.Bot.Hosting;
using DiagBot.Diagnostics.Aws;

namespace DiagBot.Bot.Chat;

/// <summary>
/// The ARNs a subject names that DiagBot would read (an ECS task, service or cluster, a load balancer or target group),
/// each checked against the configured accounts, regions and partition. Any other ARN is a pasted message's words (the
/// IAM user in an AccessDenied, the role in a PassRole denial): nothing is read for it, so it refuses nothing.
/// </summary>
internal static class SubjectScope
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', '<', '>', '|', '(', ')', '"', '\'', '`'];

    // The ECS and load-balancer resources a subject can name, a little wider than the parser reads today (it reads task,
    // service and target group ARNs), so a subject kind added later is not left unchecked.
    private static readonly HashSet<(string Service, string Type)> Read =
    [
        ("ecs", "task"), ("ecs", "service"), ("ecs", "cluster"), ("ecs", "container-instance"),
        ("elasticloadbalancing", "targetgroup"), ("elasticloadbalancing", "loadbalancer"),
    ];

    public static string? RefusalOf(string? subjectText, ConfiguredScopes scopes)
    {
        foreach (var token in (subjectText ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) && Arn.TryParse(token, out var arn)
                && Read.Contains((arn.Service, arn.Resource.Split('/', ':')[0])) && scopes.RefusalOf(arn) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
