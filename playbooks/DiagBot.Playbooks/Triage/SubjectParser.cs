using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Triage;

/// <summary>Turns what follows "/diagnose" into a subject: a task, service, pod, or symptom text.</summary>
public static partial class SubjectParser
{
    public const int MaxLength = 2000;

    private static readonly char[] Enclosing = ['(', ')', '[', ']', '{', '}', '<', '>', '"', '\'', '`', ',', ';', '.', ':'];

    public const string TaskExample = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";

    // Task references without a cluster (a bare id, an old-format ARN task/<uuid>) are searched for in the configured clusters.

    public static SubjectParseResult Parse(string? text)
    {
        var trimmed = Collapse(text);
        if (trimmed.Length == 0)
        {
            return SubjectParseResult.Invalid(
                "Nothing to diagnose. Type a task id or ARN, `service <name> in <cluster>`, `target group <name>`, `pod <namespace>/<name>`, `deployment <namespace>/<name>`, or describe the symptom.");
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

        // In a pasted message an identifier sits in brackets or quotes, or ends a clause: "(task 0f3c...)", "'arn:...'."
        words = [.. words.Select(word => word.Trim(Enclosing))];

        // Mixed input: the identifier decides where to look, the words around it rank the playbooks too.
        if (words.FirstOrDefault(word => EcsTaskRef.TryParse(word, out _)) is { } taskWord)
        {
            EcsTaskRef.TryParse(taskWord, out var task);
            return SubjectParseResult.Ok(new TaskSubject(trimmed, task!) { Symptom = Rest(trimmed, taskWord) });
        }

        if (words.Select(ServiceArn).FirstOrDefault(subject => subject is not null) is { } serviceByArn)
        {
            return SubjectParseResult.Ok(serviceByArn with { Text = trimmed, Symptom = Rest(trimmed, serviceByArn.Text) });
        }

        if (words.Select(TargetGroupArn).FirstOrDefault(subject => subject is not null) is { } targetGroupByArn)
        {
            return SubjectParseResult.Ok(targetGroupByArn with { Text = trimmed, Symptom = Rest(trimmed, targetGroupByArn.Text) });
        }

        if (ParseResource(trimmed, words) is { } resource)
        {
            return resource;
        }

        if (PodPattern().Match(trimmed) is { Success: true } pod)
        {
            return SubjectParseResult.Ok(new PodSubject(trimmed, pod.Groups["ns"].Value, pod.Groups["name"].Value, Optional(pod.Groups["cluster"])) { Symptom = Rest(trimmed, pod.Value) });
        }

        if (ServicePattern().Match(trimmed) is { Success: true } service)
        {
            return SubjectParseResult.Ok(new ServiceSubject(trimmed, service.Groups["name"].Value, Optional(service.Groups["cluster"])) { Symptom = Rest(trimmed, service.Value) });
        }

        return SubjectParseResult.Ok(new SymptomSubject(trimmed));
    }

    // arn:aws:ecs:region:account:service/cluster/name (the old form without the cluster names no cluster).
    private static ServiceSubject? ServiceArn(string token)
    {
        if (!Arn.TryParse(token, out var arn) || arn.Service != "ecs" || !arn.Resource.StartsWith("service/", StringComparison.Ordinal))
        {
            return null;
        }

        var path = arn.Resource["service/".Length..].Split('/');
        return path.Length switch
        {
            1 => new ServiceSubject(token, path[0], null),
            2 => new ServiceSubject(token, path[1], $"arn:{arn.Partition}:ecs:{arn.Region}:{arn.AccountId}:cluster/{path[0]}"),
            _ => null,
        };
    }

    private static string? Rest(string text, string identifier)
    {
        var rest = Collapse(text.Replace(identifier, " ", StringComparison.Ordinal));
        return rest.Length == 0 ? null : rest;
    }

    private static SubjectParseResult ParseSingleToken(string token)
    {
        if (EcsTaskRef.TryParse(token, out var task))
        {
            return SubjectParseResult.Ok(new TaskSubject(token, task));
        }

        if (ServiceArn(token) is { } serviceSubject)
        {
            return SubjectParseResult.Ok(serviceSubject);
        }

        if (TargetGroupArn(token) is { } targetGroupSubject)
        {
            return SubjectParseResult.Ok(targetGroupSubject);
        }

        if (token.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Arn.TryParse(token, out var arn))
            {
                return SubjectParseResult.Invalid($"`{Shorten(token)}` is not a well-formed ARN. Type a task ARN like {TaskExample}, or the task id (32 hex characters, or a UUID for tasks from before 2018).");
            }

            return (arn.Service, ResourceType(arn)) switch
            {
                ("ecs", "task") => SubjectParseResult.Invalid($"`{Shorten(token)}` is an ECS task ARN with a malformed id or region; task ids are 32 hex characters (or a UUID for tasks from before 2018). Type it like {TaskExample}."),
                ("elasticloadbalancing", "targetgroup") => SubjectParseResult.Invalid($"`{Shorten(token)}` is a malformed target group ARN. Type it like {TargetGroupExample}, or `target group <name>`."),
                var (service, type) => SubjectParseResult.Invalid($"`{Shorten(token)}` is an ARN of {service}:{type}, not an ECS task or service or a target group. Type a task ARN like {TaskExample}, `service <name> in <cluster>`, or `target group <name>`."),
            };
        }

        if (HexLikePattern().IsMatch(token))
        {
            return SubjectParseResult.Invalid(
                $"`{Shorten(token)}` looks like a task id but is {token.Length} characters; ECS task ids are 32 hex characters (or, for tasks from before 2018, a UUID like b5daebc4-14b6-42a0-baf1-996e119cbeec). Copy it from `aws ecs list-tasks --cluster <cluster> --desired-status STOPPED`.");
        }

        return SubjectParseResult.Ok(new SymptomSubject(token));
    }

    private static string ResourceType(Arn arn) => arn.Resource.Split('/', ':')[0];

    private static string? Optional(Group group) => group.Success ? group.Value : null;

    private static string Collapse(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string token) => token.Length <= 80 ? token : token[..77] + "...";

    [GeneratedRegex(@"\bpod (?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)/(?<name>[a-z0-9]([-.a-z0-9]*[a-z0-9])?)( in (?<cluster>[A-Za-z0-9][-_A-Za-z0-9]*))?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex PodPattern();

    // Inside other words the cluster is required, so "the service is down" is not a service named "is".
    [GeneratedRegex(@"(^service (?<name>[A-Za-z0-9][-_A-Za-z0-9]*)$)|(\bservice (?<name>[A-Za-z0-9][-_A-Za-z0-9]*) in (?<cluster>[A-Za-z0-9][-_A-Za-z0-9]*)(?=\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex ServicePattern();

    // Long runs of hex with an odd length are ids mistyped or cut short, not words.
    [GeneratedRegex("^[0-9a-f-]{16,}$")]
    private static partial Regex HexLikePattern();
}
