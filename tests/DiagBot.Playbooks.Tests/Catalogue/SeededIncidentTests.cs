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
        { "p01-task-stuck-provisioning", 1 },
        { "p02-cannot-pull-image", 2 },
        { "p03-secrets-pull-failed", 3 },
        { "p04-app-access-denied", 4 },
        { "p05-alb-503", 5 },
        { "p06-targets-unhealthy", 6 },
        { "p07-task-oom", 7 },
        { "p08-crash-loop", 8 },
        { "p09-pod-pending", 9 },
        { "p10-pod-container-creating", 10 },
        { "p11-spot-interruption", 11 },
        { "p12-deploy-stuck", 12 },
        { "p13-alb-504", 13 },
        { "p14-exec-format-error", 14 },
        { "p15-ecs-exec-fails", 15 },
        { "p07-eks-pod-oom", 7 },
        { "p08-eks-pod-crash-loop", 8 },
        { "p15-eks-kubectl-exec-fails", 15 },
        { "p11-eks-spot-node-reclaimed", 11 },
        { "p09-eks-no-fargate-profile", 9 },
        { "p15-eks-kubelet-port-blocked", 15 },
        { "p14-eks-exec-format-error", 14 },
        { "p06-eks-targets-unhealthy", 6 },
        { "p05-eks-alb-503", 5 },
        { "p10-eks-cni-not-ready", 10 },
        { "p02-eks-image-pull-backoff", 2 },
        { "p04-eks-irsa-missing", 4 },
        { "p13-eks-alb-504", 13 },
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
