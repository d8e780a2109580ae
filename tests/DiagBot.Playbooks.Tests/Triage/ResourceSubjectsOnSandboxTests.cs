using System.Collections.Concurrent;
using DiagBot.Diagnostics.Aws;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Triage;

/// <summary>Target groups and deployments as subjects, diagnosed end to end through the live clients against the sandbox.</summary>
[Collection(SandboxReads.Name)]
public sealed class ResourceSubjectsOnSandboxTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_P05TargetGroupByArn_FindsItsServiceAndConfirmsPlaybook5()
    {
        var arn = await TargetGroupArnAsync("storefront-tg");

        var report = await DiagnoseAsync(arn);

        var first = report.Verdicts[0];
        Assert.Equal(Alb503NoTargets.Number, first.Playbook);
        Assert.Equal(VerdictStatus.Confirmed, first.Status);
        Assert.Equal("target-type-mismatch", first.SubCause);
        Assert.Contains("storefront", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(arn, first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_P06TargetGroupByNameWithSymptom_ConfirmsPlaybook6()
    {
        var report = await DiagnoseAsync("targets unhealthy in target group catalog-api-tg");

        Assert.Equal(TargetsUnhealthy.Number, report.Verdicts[0].Playbook);
        Assert.Equal(VerdictStatus.Confirmed, report.Verdicts[0].Status);
        Assert.Contains(await TargetGroupArnAsync("catalog-api-tg"), report.Verdicts[0].Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_UnknownTargetGroupName_SaysNotFoundAndHowToList()
    {
        var report = await DiagnoseAsync("target group no-such-tg");

        Assert.Contains("no-such-tg was not found", report.SubjectProblem, StringComparison.Ordinal);
        Assert.Contains("aws elbv2 describe-target-groups", report.SubjectProblem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deployment payments/ledger-api", EksPodsPending.Number, "ledger-api-6c8f7d9b5-q2w8x")]
    [InlineData("deployment checkout/cart-worker", EksPodsContainerCreating.Number, "cart-worker-5b7c9d8f6-h4k2m")]
    public async Task Diagnose_SeededEksDeployment_DiagnosesItsFailingPod(string subject, int playbook, string pod)
    {
        var report = await DiagnoseAsync(subject);

        var first = report.Verdicts[0];
        Assert.Equal(playbook, first.Playbook);
        Assert.Equal(VerdictStatus.Confirmed, first.Status);
        Assert.Contains(pod, $"{first.RootCause} {first.Confirm} {string.Join(" ", first.Evidence.Select(e => e.Fact + " " + e.Value))}", StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Fact.Contains("available / desired", StringComparison.Ordinal) && e.Value == "0 / 1");
        Assert.Contains(first.Evidence, e => e.Fact == "deployment condition Progressing=False" && e.Value.StartsWith("ProgressDeadlineExceeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_DeploymentMidRollout_FindsNoFailure()
    {
        var report = await DiagnoseAsync("deployment shop/web");

        Assert.Null(report.SubjectProblem);
        Assert.False(report.FoundFailure, string.Join("; ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }

    [Fact]
    public async Task Diagnose_DeploymentSelectingByMatchExpressions_ListsOnlyItsPodsAndDiagnosesTheWorst()
    {
        var progress = new ConcurrentQueue<string>();

        var report = await DiagnoseAsync("deployment shop/search-api", new SynchronousProgress(progress));

        // The canary carries app=search-api too and crash-loops; track notin (canary) keeps it out, so the stable pod
        // that was OOM-killed is the one diagnosed.
        Assert.Empty(report.TriageGaps);
        Assert.Contains(progress, p => p.EndsWith("looking at pod search-api-7b9d5c6f8-8hzwm", StringComparison.Ordinal));
        var first = report.Verdicts[0];
        Assert.Equal((TaskOutOfMemory.Number, VerdictStatus.Confirmed), (first.Playbook, first.Status));
        Assert.Contains("search-api-7b9d5c6f8-8hzwm", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Fact == "pods selected, not ready" && e.Value == "2, 0");
        Assert.Contains(first.Evidence, e => e.Fact.Contains("deployment shop/search-api available / desired", StringComparison.Ordinal) && e.Value == "2 / 2");
        Assert.DoesNotContain(report.Verdicts, v => $"{v.RootCause} {v.Confirm}".Contains("canary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_CanaryDeployment_DiagnosesItsCrashLoopingPod()
    {
        var progress = new ConcurrentQueue<string>();

        var report = await DiagnoseAsync("deployment shop/search-api-canary", new SynchronousProgress(progress));

        Assert.Contains(progress, p => p.EndsWith("looking at pod search-api-canary-5c8d7f9b6-j4rtn", StringComparison.Ordinal));
        Assert.All(report.Verdicts, v => Assert.Contains(v.Evidence, e => e.Fact == "pods selected, not ready" && e.Value == "1, 1"));
    }

    [Fact]
    public async Task Diagnose_UnknownDeployment_SaysHowToListThem()
    {
        var report = await DiagnoseAsync("deployment payments/nothing-here");

        Assert.Contains("kubectl --context sandbox-eks get deployments -n payments", report.SubjectProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_EcsDeploymentIdOfP12_DiagnosesItsServiceWithPlaybook12()
    {
        var report = await DiagnoseAsync("deployment ecs-svc/4719302846651023981");

        Assert.Equal(DeployStuck.Number, report.Verdicts[0].Playbook);
        Assert.Equal(VerdictStatus.Confirmed, report.Verdicts[0].Status);
    }

    [Fact]
    public async Task Diagnose_UnknownEcsDeploymentId_AsksForTheService()
    {
        var report = await DiagnoseAsync("deployment ecs-svc/1111111111111111111");

        Assert.Contains("is not among the current deployments", report.SubjectProblem, StringComparison.Ordinal);
        Assert.Contains("service <name> in <cluster>", report.SubjectProblem, StringComparison.Ordinal);
    }

    private async Task<DiagnosisReport> DiagnoseAsync(string text, IProgress<string>? progress = null)
    {
        var diagnoser = new Diagnoser(sandbox.Sessions, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), sandbox.Clock);
        return await diagnoser.DiagnoseAsync(SubjectParser.Parse(text).Subject!, progress, CancellationToken.None);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the messages must all be in before the test reads them.</summary>
    private sealed class SynchronousProgress(ConcurrentQueue<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Enqueue(value);
    }

    private async Task<string> TargetGroupArnAsync(string name)
    {
        var read = await sandbox.Sessions.StartSession().LoadBalancing.DescribeTargetGroupsByNameAsync(name, AwsScope.Default, CancellationToken.None);
        return Assert.Single(read.Value!).TargetGroupArn;
    }
}
