using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Aws;

namespace DiagBot.Playbooks.Triage;

/// <summary>The subjects beyond tasks, services and pods: target groups and deployments (Kubernetes or ECS).</summary>
public static partial class SubjectParser
{
    public const string TargetGroupExample = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef";

    // Words that follow "target group" in a sentence and are no group's name ("the target group is empty").
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "has", "have", "had", "the", "a", "an", "of", "in", "on", "for", "to", "with", "without", "not", "no",
        "and", "or", "but", "that", "which", "shows", "says", "returns", "keeps", "health", "healthy", "unhealthy", "targets", "target",
    };

    // arn:aws:elasticloadbalancing:region:account:targetgroup/name/16-hex-id.
    private static TargetGroupSubject? TargetGroupArn(string token) =>
        Arn.TryParse(token, out var arn) && arn.Service == "elasticloadbalancing" && arn.Region.Length > 0
        && TargetGroupResource().IsMatch(arn.Resource)
            ? new TargetGroupSubject(token, token, null)
            : null;

    private static SubjectParseResult? ParseResource(string text, string[] words)
    {
        if (EcsDeploymentPattern().Match(text) is { Success: true } ecs)
        {
            return SubjectParseResult.Ok(new EcsDeploymentSubject(text, ecs.Groups["id"].Value) { Symptom = Rest(text, ecs.Value) });
        }

        if (DeploymentPattern().Match(text) is { Success: true } deployment)
        {
            return SubjectParseResult.Ok(new DeploymentSubject(text, deployment.Groups["ns"].Value, deployment.Groups["name"].Value, Optional(deployment.Groups["cluster"]))
                { Symptom = Rest(text, deployment.Value) });
        }

        if (TargetGroupPattern().Match(text) is { Success: true } group && !NotNames.Contains(group.Groups["name"].Value))
        {
            return SubjectParseResult.Ok(new TargetGroupSubject(text, null, group.Groups["name"].Value) { Symptom = Rest(text, group.Value) });
        }

        // The keyword alone, or with a word that cannot be what it names: say how to write it.
        return words switch
        {
            [var first, var second] when first.Equals("deployment", StringComparison.OrdinalIgnoreCase) => SubjectParseResult.Invalid(
                $"`deployment {Shorten(second)}` names no namespace. Type `deployment <namespace>/<name> [in <cluster>]` for a Kubernetes Deployment (list them with `kubectl get deployments -A`), or `service <name> in <cluster>` for an ECS service."),
            [var first, var second] when first.Equals("target", StringComparison.OrdinalIgnoreCase) && second.Equals("group", StringComparison.OrdinalIgnoreCase) => SubjectParseResult.Invalid(
                $"Say which target group: `target group <name>` or its ARN, like {TargetGroupExample}. List them with `aws elbv2 describe-target-groups --query \"TargetGroups[].TargetGroupName\"`."),
            _ => null,
        };
    }

    [GeneratedRegex("^targetgroup/[A-Za-z0-9](?:[-A-Za-z0-9]{0,30}[A-Za-z0-9])?/[0-9a-f]{16}$")]
    private static partial Regex TargetGroupResource();

    // Target group names: up to 32 letters, digits and hyphens, not starting or ending with a hyphen.
    [GeneratedRegex(@"\b(?:target[- ]group|tg) (?<name>[A-Za-z0-9](?:[-A-Za-z0-9]{0,30}[A-Za-z0-9])?)(?=[\s,.;:!?]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TargetGroupPattern();

    [GeneratedRegex(@"\bdeployment (?<id>ecs-svc/\d{6,})(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex EcsDeploymentPattern();

    [GeneratedRegex(@"\bdeployment (?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)/(?<name>[a-z0-9]([-.a-z0-9]*[a-z0-9])?)( in (?<cluster>[A-Za-z0-9][-_A-Za-z0-9]*))?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DeploymentPattern();
}
