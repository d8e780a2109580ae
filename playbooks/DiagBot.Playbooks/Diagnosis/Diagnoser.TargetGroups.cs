using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// A target group as the subject: the group and its targets' health, and the ECS service that registers into it,
/// found among the services of the group's account and region; a name is looked for in every configured one. With a service the diagnosis is the service's; without, what the group shows.
/// </summary>
public sealed partial class Diagnoser
{
    private async Task<DiagnosisReport> DiagnoseTargetGroupAsync(TargetGroupSubject subject, DiagnosisContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var loadBalancing = context.Evidence.LoadBalancing;
        IReadOnlyList<AwsScope> scopes = subject.Arn is { } arn ? [AwsScope.FromArn(arn)] : context.Evidence.Scopes;

        // Where the group can be in one place only, the search for its service starts at once, beside the group's own read.
        var search = scopes.Count == 1 ? context.Evidence.Ecs.DescribeAllServicesAsync(scopes[0], cancellationToken) : null;
        var reads = await Task.WhenAll(scopes.Select(scope => subject.Arn is { } byArn
            ? loadBalancing.DescribeTargetGroupsAsync([byArn], cancellationToken)
            : loadBalancing.DescribeTargetGroupsByNameAsync(subject.Name!, scope, cancellationToken))).ConfigureAwait(false);
        var found = reads.SelectMany(r => r.Value ?? []).DistinctBy(g => g.TargetGroupArn).ToList();
        if (found.Count > 1)
        {
            return new DiagnosisReport
            {
                Subject = subject,
                SubjectProblem = $"Target group {subject.DisplayName} exists in {found.Count} places: {string.Join(", ", found.Select(g => g.TargetGroupArn))}. Give the ARN of the one you mean: `/diagnose tg <arn>`.",
            };
        }

        if (found.FirstOrDefault() is not { } group)
        {
            var failed = reads.Select(r => r.Gap).OfType<EvidenceGap>().Where(g => g.Reason != GapReason.NotFound).ToList();
            return failed.Count > 0
                ? new DiagnosisReport { Subject = subject, TriageGaps = failed }
                : new DiagnosisReport
                {
                    Subject = subject,
                    SubjectProblem = $"Target group {subject.DisplayName} was not found{(subject.Arn is null ? " in " + SearchedScopes.Describe(scopes) : string.Empty)}. List the target groups with `aws elbv2 describe-target-groups --query \"TargetGroups[].[TargetGroupName,TargetGroupArn]\"`, and give the name or the ARN.",
                };
        }

        search ??= context.Evidence.Ecs.DescribeAllServicesAsync(AwsScope.FromArn(group.TargetGroupArn), cancellationToken);
        var health = loadBalancing.DescribeTargetHealthAsync(group.TargetGroupArn, cancellationToken);
        var services = await search.ConfigureAwait(false);
        context = context with { TargetGroup = group };
        if (services.Value?.Services.FirstOrDefault(s => s.LoadBalancers.Any(b => b.TargetGroupArn == group.TargetGroupArn)) is { } service)
        {
            progress?.Report($"Target group {group.TargetGroupName} is used by service {service.ServiceName}");
            return await RunForServiceAsync(subject, service, context, [], progress, cancellationToken).ConfigureAwait(false);
        }

        var (facts, gaps) = TargetHealthFacts.From(group.TargetGroupArn, await health.ConfigureAwait(false));
        context = context with { Facts = facts };
        return await RunAsync(context, WithSymptom(subject, facts), [.. gaps, NoServiceGap(group, services)], progress, cancellationToken).ConfigureAwait(false);
    }

    // Said as a gap: without the service its tasks, task definition and security groups stay unread.
    private static EvidenceGap NoServiceGap(TargetGroup group, EvidenceResult<EcsServiceSearch> services) => services.Value is not { } search
        ? services.Gap! with { Detail = $"{services.Gap!.Detail}; so the ECS service behind target group {group.TargetGroupName} could not be looked for" }
        : new EvidenceGap("ecs", "DescribeServices", GapReason.NotFound,
            $"no ECS service {(search.Complete ? string.Empty : "that could be read ")}in the {search.ClusterArns.Count} cluster(s) of {AwsScope.FromArn(group.TargetGroupArn).AccountId}/{AwsScope.FromArn(group.TargetGroupArn).Region} lists target group {group.TargetGroupName} in its loadBalancers, so nothing DiagBot can see registers targets in it"
            + (search.Truncated ? " (the search stopped at its bound)" : string.Empty)
            + (search.Gaps.Count > 0 ? $" ({search.Gaps.Count} read(s) failed: {search.Gaps[0].Detail})" : string.Empty));
}
