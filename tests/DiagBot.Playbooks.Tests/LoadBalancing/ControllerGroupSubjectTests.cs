using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.LoadBalancing;

/// <summary>
/// `target group &lt;name&gt;` for a group the AWS Load Balancer Controller made: told by its tags, answered from the pods its
/// TargetGroupBinding's Service holds, with the fix on the Ingress's annotations, never ECS's.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class ControllerGroupSubjectTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_P05EksGroupByName_ConfirmsTheServiceSelectorLostItsPods()
    {
        var report = await DiagnoseAsync("target group k8s-checkout-receipta-5e1d8b3f9a");

        var first = report.Verdicts[0];
        Assert.Equal((Alb503NoTargets.Number, VerdictStatus.Confirmed, PodNoTargets.SelectorMatchesNoPodSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("Service receipt-api selects app=receipt-api and no pod of namespace checkout carries it", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("kubectl --context sandbox-eks -n checkout get pods --show-labels", first.Confirm, StringComparison.Ordinal);
        AssertNoEcsFix(report);
    }

    [Fact]
    public async Task Diagnose_P06EksGroupByName_FixesTheHealthCheckPathOnTheIngress()
    {
        var report = await DiagnoseAsync("target group k8s-checkout-checkout-6f2a9d41c7");

        var first = report.Verdicts[0];
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.PathNotFoundSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("the health check path / answers 404", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Fix, step => step.Contains("`alb.ingress.kubernetes.io/healthcheck-path: /healthz` on Ingress checkout/checkout-web",
                StringComparison.Ordinal)
            && step.Contains("readinessProbe", StringComparison.Ordinal));
        AssertNoEcsFix(report);
    }

    [Fact]
    public async Task Diagnose_P13EksGroupBy504_RaisesTheIdleTimeoutOnTheIngress()
    {
        var report = await DiagnoseAsync("target group k8s-payments-invoicer-9e3a6f2c18 504 gateway timeout");

        var first = report.Verdicts[0];
        Assert.Equal((Alb504Timeout.Number, VerdictStatus.Confirmed, Alb504TimeoutPlaybook.IdleTimeoutExceededSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("pod payments/invoice-render-5f8c7d9b6-", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Fix, step => step.Contains("Ingress payments/invoice-render", StringComparison.Ordinal)
            && step.Contains("alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=", StringComparison.Ordinal));
        AssertNoEcsFix(report);
    }

    [Fact]
    public async Task Diagnose_EksGroupWithDescribeTagsDenied_NamesTheGapAndFindsTheBindingAnyway()
    {
        sandbox.Sandbox.Faults.Set("elasticloadbalancing", "DescribeTags", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        DiagnosisReport report;
        try
        {
            report = await DiagnoseAsync("target group k8s-checkout-checkout-6f2a9d41c7");
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }

        Assert.Contains(report.TriageGaps, g => g.Operation == "DescribeTags" && g.Reason == GapReason.AccessDenied);
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed), (report.Verdicts[0].Playbook, report.Verdicts[0].Status));
        AssertNoEcsFix(report);
    }

    [Fact]
    public async Task Diagnose_GroupWithTagsAndBindingsBothDenied_NamesBothGaps()
    {
        sandbox.Sandbox.Faults.Set("elasticloadbalancing", "DescribeTags", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        sandbox.Sandbox.Faults.Set("kubernetes", "targetgroupbindings", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        DiagnosisReport report;
        try
        {
            report = await DiagnoseAsync("target group k8s-checkout-checkout-6f2a9d41c7");
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }

        Assert.Contains(report.TriageGaps, g => g.Operation == "DescribeTags" && g.Reason == GapReason.AccessDenied);
        Assert.Contains(report.TriageGaps, g => g.Operation == "list targetgroupbindings" && g.Reason == GapReason.AccessDenied);
    }

    [Fact]
    public async Task Diagnose_EcsGroup_IsNotTakenForTheControllers()
    {
        var report = await DiagnoseAsync("targets unhealthy in target group catalog-api-tg");

        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed), (report.Verdicts[0].Playbook, report.Verdicts[0].Status));
        Assert.Contains("service catalog-api", report.Verdicts[0].RootCause, StringComparison.Ordinal);
        Assert.DoesNotContain(report.TriageGaps, g => g.Operation == "DescribeTags" || g.Source == "kubernetes");
        Assert.DoesNotContain(report.Verdicts, v => $"{v.RootCause} {string.Join(' ', v.Fix)}".Contains("TargetGroupBinding", StringComparison.Ordinal));
    }

    // The controller sets its groups back from the annotations: a fix on the group or an ECS service would not hold.
    private static void AssertNoEcsFix(DiagnosisReport report) =>
        Assert.All(report.Verdicts, v => Assert.DoesNotContain(v.Fix, step => step.Contains("aws ecs", StringComparison.Ordinal)
            || step.Contains("ECS service", StringComparison.Ordinal) || step.Contains("modify-target-group", StringComparison.Ordinal)));

    private Task<DiagnosisReport> DiagnoseAsync(string text) =>
        new Diagnoser(sandbox.Sessions, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), sandbox.Clock)
            .DiagnoseAsync(SubjectParser.Parse(text).Subject!, CancellationToken.None);
}
