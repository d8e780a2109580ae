using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Triage;

/// <summary>Turns what follows "/diagnose" into a subject: a task, service, pod, or symptom text.</summary>
public static partial class SubjectParser
{
    public const int MaxLength = 2000;

    public const string TaskExample = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";

    public static SubjectParseResult Parse(string? text)
    {
        var trimmed = Collapse(text);
        if (trimmed.Length == 0)
        {
            return SubjectParseResult.Invalid(
                "Nothing to diagnose. Type a task id or ARN, `service <name> in <cluster>`, `pod <namespace>/<name>`, or describe the symptom.");
        }

        if (trimmed.Length > MaxLength)
        {
            return SubjectParseResult.Invalid(
                $"That is {trimmed.Length} characters; keep it under {MaxLength}. Paste the task ARN or the one error line, not the whole log.");
        }

        var words = trimmed.Split(' ');
        if (words.Length == 1)
        {
            return ParseSingleToken(trimmed);
        }

        if (PodPattern().Match(trimmed) is { Success: true } pod)
        {
            return SubjectParseResult.Ok(new PodSubject(trimmed, pod.Groups["ns"].Value, pod.Groups["name"].Value, Optional(pod.Groups["cluster"])));
        }

        if (ServicePattern().Match(trimmed) is { Success: true } service)
        {
            return SubjectParseResult.Ok(new ServiceSubject(trimmed, service.Groups["name"].Value, Optional(service.Groups["cluster"])));
        }

        return SubjectParseResult.Ok(new SymptomSubject(trimmed));
    }

    private static SubjectParseResult ParseSingleToken(string token)
    {
        if (EcsTaskRef.TryParse(token, out var task))
        {
            return SubjectParseResult.Ok(new TaskSubject(token, task));
        }

        if (token.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Arn.TryParse(token, out var arn))
            {
                return SubjectParseResult.Invalid($"`{Shorten(token)}` is not a well-formed ARN. Type a task ARN like {TaskExample}, or the 32-character task id.");
            }

            return arn.Service == "ecs" && ResourceType(arn) == "task"
                ? SubjectParseResult.Invalid($"`{Shorten(token)}` is an ECS task ARN with a malformed id or region; task ids are 32 hex characters. Type it like {TaskExample}.")
                : SubjectParseResult.Invalid($"`{Shorten(token)}` is an ARN of {arn.Service}:{ResourceType(arn)}, not an ECS task. Type a task ARN like {TaskExample}.");
        }

        if (HexLikePattern().IsMatch(token))
        {
            return SubjectParseResult.Invalid(
                $"`{Shorten(token)}` looks like a task id but is {token.Length} characters; ECS task ids are 32 hex characters. Copy it from `aws ecs list-tasks --cluster <cluster> --desired-status STOPPED`.");
        }

        return SubjectParseResult.Ok(new SymptomSubject(token));
    }

    private static string ResourceType(Arn arn) => arn.Resource.Split('/', ':')[0];

    private static string? Optional(Group group) => group.Success ? group.Value : null;

    private static string Collapse(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string token) => token.Length <= 80 ? token : token[..77] + "...";

    [GeneratedRegex(@"^pod (?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)/(?<name>[a-z0-9]([-.a-z0-9]*[a-z0-9])?)( in (?<cluster>[A-Za-z0-9][-_A-Za-z0-9]*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PodPattern();

    [GeneratedRegex(@"^service (?<name>[A-Za-z0-9][-_A-Za-z0-9]*)( in (?<cluster>[A-Za-z0-9][-_A-Za-z0-9]*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ServicePattern();

    // Long runs of hex with an odd length are ids mistyped or cut short, not words.
    [GeneratedRegex("^[0-9a-f-]{16,}$")]
    private static partial Regex HexLikePattern();
}
