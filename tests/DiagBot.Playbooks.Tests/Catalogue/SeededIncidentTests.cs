using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.Catalogue;

/// <summary>
/// Every seeded incident through the whole path (triage, ranking, the real playbooks, the live clients over
/// HTTP): its playbook answers first and confirmed; no look-alike or healthy resource is called a failure;
/// and with each evidence source denied in turn the diagnosis still answers and names what it could not read.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class SeededIncidentTests(SandboxEvidenceFixture sandbox)
{
    // A confirm command names the resource it checks: the subject, or an ARN or id of what decided the verdict.
    private static readonly string[] RealIds = ["arn:aws:", "subnet-", "sg-", "vpc-", "vpce-", "eni-", ".dkr.ecr.", "--cluster prod", "--context sandbox-eks", "--repository-name ", "--log-group-name /"];

    private static readonly string[] Sources = ["ecs", "elasticloadbalancing", "ec2", "logs", "cloudtrail", "kubernetes"];

    public static TheoryData<string, int> Incidents() => new()
    {
        { "p01-task-stuck-provisioning", TaskStuckProvisioning.Number },
        { "p02-cannot-pull-image", CannotPullContainer.Number },
        { "p03-secrets-pull-failed", SecretsPullFailed.Number },
        { "p04-app-access-denied", AppAccessDenied.Number },
        { "p05-alb-503", Alb503NoTargets.Number },
        { "p06-targets-unhealthy", TargetsUnhealthy.Number },
        { "p07-task-oom", TaskOutOfMemory.Number },
        { "p08-crash-loop", CrashLoop.Number },
        { "p09-pod-pending", EksPodsPending.Number },
        { "p10-pod-container-creating", EksPodsContainerCreating.Number },
        { "p11-spot-interruption", SpotInterruption.Number },
        { "p12-deploy-stuck", DeployStuck.Number },
        { "p13-alb-504", Alb504Timeout.Number },
        { "p14-exec-format-error", ExecFormatError.Number },
        { "p15-ecs-exec-fails", EcsExecFails.Number },
        { "p07-eks-pod-oom", TaskOutOfMemory.Number },
        { "p08-eks-pod-crash-loop", CrashLoop.Number },
        { "p15-eks-kubectl-exec-fails", EcsExecFails.Number },
        { "p11-eks-spot-node-reclaimed", SpotInterruption.Number },
        { "p09-eks-no-fargate-profile", EksPodsPending.Number },
        { "p15-eks-kubelet-port-blocked", EcsExecFails.Number },
        { "p14-eks-exec-format-error", ExecFormatError.Number },
        { "p06-eks-targets-unhealthy", TargetsUnhealthy.Number },
        { "p05-eks-alb-503", Alb503NoTargets.Number },
        { "p10-eks-cni-not-ready", EksPodsContainerCreating.Number },
        { "p02-eks-image-pull-backoff", CannotPullContainer.Number },
        { "p04-eks-irsa-missing", AppAccessDenied.Number },
        { "p13-eks-alb-504", Alb504Timeout.Number },
        { "p06-eks-node-sg-blocks-alb", TargetsUnhealthy.Number },
        { "p06-eks-nodeport-blocked", TargetsUnhealthy.Number },
        { "p06-eks-pod-sg-blocks-alb", TargetsUnhealthy.Number },
    };

    public static TheoryData<string> NotFailures() =>
    [
        "healthy-orders-api",
        "healthy-inventory-sync",
        "healthy-pod-shop-web",
        "lookalike-batch-exit-0",
        "lookalike-user-stop",
        "lookalike-scale-in",
        "lookalike-137-stop-timeout",
        "lookalike-pod-just-scheduled",
        "lookalike-eks-liveness-137",
        "lookalike-karpenter-consolidation",
        "lookalike-fargate-pod-starting",
        "lookalike-kubelet-back",
        "lookalike-graviton-multiarch",
        "lookalike-eks-target-rollout",
        "lookalike-eks-503-registered",
        "lookalike-task-provisioning-seconds",
        "lookalike-pull-fixed-by-redeploy",
        "lookalike-missing-log-group",
        "lookalike-deployer-passrole",
        "lookalike-targets-draining",
        "lookalike-targets-initial",
        "lookalike-ipamd-restarted",
        "lookalike-deploy-rolling",
        "lookalike-app-504-upstream",
        "lookalike-eks-slow-image-pull",
        "lookalike-eks-app-504-upstream",
        "lookalike-eks-alb-listener-port",
        "lookalike-eks-pod-sg-admits-alb",
    ];

    [Theory]
    [MemberData(nameof(Incidents))]
    public async Task Diagnose_SeededIncident_ConfirmsItsPlaybookFirstWithRealIds(string scenario, int playbook)
    {
        var report = await sandbox.DiagnoseAsync(scenario);

        Assert.True(report.Verdicts.Count > 0, $"{scenario}: no verdict; ranking: {Ranking(report)}");
        var first = report.Verdicts[0];
        var gaps = string.Join("; ", [.. first.Missing, .. report.TriageGaps]);
        Assert.True(first.Playbook == playbook && first.Status == VerdictStatus.Confirmed,
            $"{scenario}: first is {first.Playbook} {first.Status}: {first.RootCause}; gaps: {gaps}; ranking: {Ranking(report)}");
        Assert.False(string.IsNullOrEmpty(first.SubCause), $"{scenario}: no sub-cause");
        Assert.True(RealIds.Any(first.Confirm!.Contains) || first.Confirm.Contains(IdentifierOf(report.Subject), StringComparison.Ordinal), $"{scenario}: no real identifier in `{first.Confirm}`");
        Assert.DoesNotMatch("<[a-z][a-z -]*>", first.Confirm);
    }

    [Theory]
    [MemberData(nameof(NotFailures))]
    public async Task Diagnose_LookAlikeOrHealthy_IsNotCalledAFailure(string scenario)
    {
        var report = await sandbox.DiagnoseAsync(scenario);

        var failures = report.Verdicts.Where(v => v.Status.IsFailureFound()).Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}");
        Assert.False(report.FoundFailure, $"{scenario}: {string.Join(" | ", failures)}");
    }

    [Theory]
    [MemberData(nameof(Incidents))]
    public async Task Diagnose_EachSourceDeniedInTurn_StillAnswersAndNamesTheGap(string scenario, int playbook)
    {
        var baseline = await sandbox.DiagnoseAsync(scenario);
        var used = baseline.Verdicts.Where(v => v.Playbook == playbook)
            .SelectMany(v => v.Evidence)
            .Select(e => e.Source.Split(':')[0])
            .Where(Sources.Contains)
            .Distinct()
            .ToList();
        Assert.NotEmpty(used);

        foreach (var source in used)
        {
            sandbox.Sandbox.Faults.Set(source, SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
            try
            {
                var report = await sandbox.DiagnoseAsync(scenario);

                var gaps = report.TriageGaps.Concat(report.Verdicts.SelectMany(v => v.Missing)).ToList();
                Assert.True(
                    gaps.Any(g => g.Source == source) || report.SubjectProblem is not null,
                    $"{scenario} with {source} denied names no {source} gap; verdicts: {string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}"))}");
            }
            finally
            {
                sandbox.Sandbox.Faults.Clear();
            }
        }
    }

    private static string IdentifierOf(DiagnosisSubject subject) => subject switch
    {
        TaskSubject task => task.Task.TaskId,
        ServiceSubject service => service.Service,
        PodSubject pod => pod.Pod,
        _ => subject.Text,
    };

    private static string Ranking(DiagBot.Playbooks.Diagnosis.DiagnosisReport report) =>
        string.Join(" | ", report.Ranking.Select(r => $"{r.Playbook.Id} {r.Score:0.00} {r.Why}"));
}
