using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 4 on EKS: whose credentials a pod's denied call ran with (node role, IRSA role, its own), read from the pod.</summary>
[Collection(SandboxReads.Name)]
public sealed class AppAccessDeniedOnEksTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p04-eks-irsa-missing";
    private const string IrsaRole = "arn:aws:iam::111122223333:role/payments-ledger-writer";
    private const string NodeSession = "arn:aws:sts::111122223333:assumed-role/eksctl-prod-nodegroup-ng-1-NodeInstanceRole-1UU8XUZSIV6RZ/i-0e5afb93460d609d2";

    [Fact]
    public async Task Diagnose_PodWithoutAnIamRole_ConfirmsTheNodeRoleFallbackWithTheServiceAccountToAnnotate()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((AppAccessDenied.Number, VerdictStatus.Confirmed, AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("called s3:PutObject on arn:aws:s3:::prod-settlement-exports/2026/12/07/settlements-0415.csv as the node's instance role",
            first.RootCause, StringComparison.Ordinal);
        Assert.Contains("NodeInstanceRole-7HQ2KX9WZ3PL/i-0b71d4e0c9a2f3b02", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Fact.EndsWith("AWS credentials (webhook variables)", StringComparison.Ordinal)
            && e.Value.StartsWith("none", StringComparison.Ordinal));
        const string Annotate = "kubectl -n payments annotate serviceaccount settlement-exporter "
            + "eks.amazonaws.com/role-arn=arn:aws:iam::111122223333:role/payments-settlement-exporter";
        Assert.Contains(first.Fix, step => step.Contains(Annotate, StringComparison.Ordinal));
        Assert.Contains(first.Fix, step => step.Contains("kubectl -n payments rollout restart deployment/settlement-exporter", StringComparison.Ordinal));
        Assert.StartsWith("kubectl --context sandbox-eks -n payments get pod settlement-exporter-5d7c8b9f4-k3m8p -o jsonpath=",
            first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_HealthyPodWithoutDenials_IsRuledOut()
    {
        var context = await sandbox.PodContextAsync("lookalike-graviton-multiarch");

        var verdict = await new AppAccessDeniedPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public async Task Investigate_IrsaRoleDenied_ConfirmsThatRoleAndSimulatesItsPolicy()
    {
        var world = new FakePodWorld();
        var session = IrsaRole.Replace("iam::", "sts::", StringComparison.Ordinal).Replace(":role/", ":assumed-role/", StringComparison.Ordinal);
        world.CurrentLog.Add($"User: {session}/botocore-session-1733550000 is not authorized to perform: dynamodb:PutItem on resource: "
            + "arn:aws:dynamodb:us-east-1:111122223333:table/ledger because no identity-based policy allows the dynamodb:PutItem action");

        var verdict = await new AppAccessDeniedPlaybook().InvestigateAsync(world.Context(WithCredentials(Irsa)), CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, AppAccessDeniedPlaybook.ServiceAccountRoleDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"{IrsaRole}, is denied dynamodb:PutItem on arn:aws:dynamodb:us-east-1:111122223333:table/ledger",
            verdict.RootCause, StringComparison.Ordinal);
        Assert.StartsWith($"aws iam simulate-principal-policy --policy-source-arn {IrsaRole} --action-names dynamodb:PutItem "
            + "--resource-arns arn:aws:dynamodb:us-east-1:111122223333:table/ledger", verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains(verdict.Fix, step => step.Contains("aws iam put-role-policy --role-name payments-ledger-writer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_NodeRoleDeniedThoughIrsaIsSet_IsLikelyAnSdkThatIgnoresIt()
    {
        var world = new FakePodWorld();
        world.CurrentLog.Add($"AccessDeniedException: User: {NodeSession} is not authorized to perform: secretsmanager:GetSecretValue on resource: db");

        var verdict = await new AppAccessDeniedPlaybook().InvestigateAsync(world.Context(WithCredentials(Irsa)), CancellationToken.None);

        Assert.Equal((VerdictStatus.Likely, AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"although IRSA role {IrsaRole} is set", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Fix, step => step.StartsWith("Upgrade the app's AWS SDK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_PodNoContainerOfWhichHasRun_IsRuledOutWithoutReadingLogs()
    {
        var world = new FakePodWorld { CurrentLogGap = new("kubernetes", "get pods/log", Diagnostics.Evidence.GapReason.ServiceError, "must not be read") };
        var waiting = new KubeContainerStatus { Name = "worker", WaitingReason = "ContainerCreating" };

        var verdict = await new AppAccessDeniedPlaybook().InvestigateAsync(world.Context(FakePodWorld.Pod(waiting, phase: "Pending")), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Empty(verdict.Missing);
    }

    private static KubeAwsCredentials Irsa => new(KubeAwsCredentials.Irsa, IrsaRole);

    private static KubePod WithCredentials(KubeAwsCredentials credentials)
    {
        var pod = FakePodWorld.Pod(new KubeContainerStatus { Name = "worker", Running = true, Ready = true });
        return pod with { ServiceAccountName = "ledger-writer", Containers = [pod.Containers[0] with { AwsCredentials = credentials }] };
    }
}
