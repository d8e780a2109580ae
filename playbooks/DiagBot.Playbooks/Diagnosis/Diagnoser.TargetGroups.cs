using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// A target group as the subject: the group and its targets' health, and the ECS service that registers into it,
/// traced from the group's own targets (<see cref="TargetGroupOwnerTracer"/>); a name is looked for in every configured
/// account and region. With a service the diagnosis is the service's; without, what the group shows.
/// </summary>
public sealed partial class Diagnoser
{
    private async Task<DiagnosisReport> DiagnoseTargetGroupAsync(TargetGroupSubject subject, DiagnosisContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var loadBalancing = context.Evidence.LoadBalancing;
        IReadOnlyList<AwsScope> scopes = subject.Arn is { } arn ? [AwsScope.FromArn(arn)] : context.Evidence.Scopes;

        // Given by ARN, the group's targets and tags are read beside the group itself: they lead to its service or its cluster.
        var early = subject.Arn is { } known ? loadBalancing.DescribeTargetHealthAsync(known, cancellationToken) : null;
        var earlyTags = subject.Arn is { } tagged ? loadBalancing.DescribeTagsAsync(tagged, cancellationToken) : null;
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

            // The ARN's own reads answer nobody now; none outlives the diagnosis that started it.
            await StartedReads.SettleAsync([.. new Task?[] { early, earlyTags }.OfType<Task>()]).ConfigureAwait(false);
            return failed.Count > 0
                ? new DiagnosisReport { Subject = subject, TriageGaps = failed }
                : new DiagnosisReport
                {
                    Subject = subject,
                    SubjectProblem = $"Target group {subject.DisplayName} was not found{(subject.Arn is null ? " in " + SearchedScopes.Describe(scopes) : string.Empty)}. List the target groups with `aws elbv2 describe-target-groups --query \"TargetGroups[].[TargetGroupName,TargetGroupArn]\"`, and give the name or the ARN.",
                };
        }

        var tagsRead = earlyTags ?? loadBalancing.DescribeTagsAsync(group.TargetGroupArn, cancellationToken);
        var health = await (early ?? loadBalancing.DescribeTargetHealthAsync(group.TargetGroupArn, cancellationToken)).ConfigureAwait(false);
        var tags = await tagsRead.ConfigureAwait(false);

        // The AWS Load Balancer Controller's groups hold pods: no ECS service is looked for, and the answer is the pod's.
        if ((ControllerTags.AreControllers(tags.Value) || (tags.Value is null && context.Evidence.Kubernetes.Clusters.Count > 0))
            && await ControllerGroupReader.ReadAsync(context.Evidence, group, tags, health.Value, (EarlyForGroup(subject, group, health), context.Now),
                cancellationToken).ConfigureAwait(false) is { } owned)
        {
            return await RunForControllerGroupAsync(subject, context, group, health, owned, tags.Gap, progress, cancellationToken).ConfigureAwait(false);
        }

        // Without the tags, the clusters' bindings were the other way to tell a controller's group: when they failed too, both are named.
        IReadOnlyList<EvidenceGap> ownerUnknown =
            [.. Gap(tags), .. tags.Value is null ? await BindingListGapsAsync(context.Evidence, cancellationToken).ConfigureAwait(false) : []];
        var owner = await TargetGroupOwnerTracer.TraceAsync(context.Evidence, group, health, cancellationToken).ConfigureAwait(false);
        context = context with { TargetGroup = group };
        if (owner.Service is { } service)
        {
            progress?.Report($"Target group {group.TargetGroupName} is used by service {service.ServiceName}");
            var report = await RunForServiceAsync(subject, service, context, [.. owner.Gaps, .. ownerUnknown], progress, cancellationToken)
                .ConfigureAwait(false);
            await StartedReads.SettleAsync(owner.Pending).ConfigureAwait(false);
            return report;
        }

        var (facts, gaps) = TargetHealthFacts.From(group.TargetGroupArn, health);
        context = context with { Facts = facts };
        IReadOnlyList<EvidenceGap> triageGaps = [.. gaps, .. owner.Gaps, .. ownerUnknown, NoServiceGap(group, owner)];
        return await RunAsync(context, WithSymptom(subject, facts), triageGaps, progress, cancellationToken).ConfigureAwait(false);
    }

    // The pod is not read yet: the modes the group's own health and the engineer's words already rank to run start theirs.
    private IReadOnlyList<Func<IEvidenceSource, GroupAtHand, CancellationToken, Task>> EarlyForGroup(
        TargetGroupSubject subject, TargetGroup group, EvidenceResult<IReadOnlyList<TargetHealthDescription>> health) =>
        FailureModeCatalog.EarlyControllerGroupReads(PlaybookRanker.ToRun(WithSymptom(subject, TargetHealthFacts.From(group.TargetGroupArn, health).Facts))
            .Select(r => r.Playbook.Id).ToList());

    // The lists ControllerGroupReader asked for (every namespace of every configured cluster): the session answers them again.
    private static async Task<IReadOnlyList<EvidenceGap>> BindingListGapsAsync(IEvidenceSource evidence, CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(evidence.Kubernetes.Clusters.Select(c => evidence.Kubernetes.ListTargetGroupBindingsAsync(c, null, cancellationToken)))
            .ConfigureAwait(false);
        return [.. lists.Select(l => l.Gap).OfType<EvidenceGap>()];
    }

    private static IEnumerable<EvidenceGap> Gap<T>(EvidenceResult<T> read)
        where T : class => read.Gap is { } gap ? [gap] : [];

    // Said as a gap: without the service its tasks, task definition and security groups stay unread.
    private static EvidenceGap NoServiceGap(TargetGroup group, TargetGroupOwner owner) =>
        new("ecs", "DescribeServices", GapReason.NotFound,
            $"no ECS service among {owner.Searched} lists target group {group.TargetGroupName} in its loadBalancers, so nothing DiagBot can see registers targets in it");
}
