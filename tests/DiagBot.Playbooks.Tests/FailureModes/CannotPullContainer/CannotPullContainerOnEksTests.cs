using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 2 on EKS: a pod in ImagePullBackOff, told apart by what the kubelet's "Failed to pull image" says.</summary>
[Collection(SandboxReads.Name)]
public sealed class CannotPullContainerOnEksTests(SandboxEvidenceFixture sandbox)
{
    private const string Incident = "p02-eks-image-pull-backoff";
    private const string Lookalike = "lookalike-eks-slow-image-pull";

    [Fact]
    public async Task Diagnose_PodRefusedByEcr_ConfirmsAuthDeniedWithTheNodeRolesFix()
    {
        var report = await sandbox.DiagnoseAsync(Incident);

        var first = report.Verdicts[0];
        Assert.Equal((CannotPullContainer.Number, VerdictStatus.Confirmed, CannotPullContainerPlaybook.AuthDeniedSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Matches(@"^The registry refused node ip-10-0-37-112\.ec2\.internal's credentials for "
            + @"\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com/reviews-api:2\.8\.0, "
            + "so pod shop/reviews-api-6b9d7f5c8-w3m8k cannot pull it.$", first.RootCause);
        Assert.Contains(first.Evidence, e => e.Fact == "Failed (7 times)"
            && e.Value.EndsWith("/v2/reviews-api/manifests/2.8.0: 403 Forbidden", StringComparison.Ordinal));
        Assert.Contains(first.Fix, f => f.Contains("AmazonEC2ContainerRegistryReadOnly", StringComparison.Ordinal));
        Assert.Contains(first.Fix, f => f.Contains("repository policy", StringComparison.Ordinal));
        Assert.Equal("kubectl --context sandbox-eks -n shop describe pod reviews-api-6b9d7f5c8-w3m8k", first.Confirm);
    }

    [Fact]
    public async Task Investigate_ImagePulledSlowlyThenStarted_IsRuledOutQuotingThePull()
    {
        var verdict = await new CannotPullContainerPlaybook().InvestigateAsync(await sandbox.PodContextAsync(Lookalike), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("has no container waiting on its image: the kubelet says \"Successfully pulled image ", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(" in 3m41.207s (3m41.207s including waiting).", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_ImagePulledSlowlyThenStarted_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }

    [Theory]
    [InlineData("p10-eks-cni-not-ready")]
    [InlineData("healthy-pod-shop-web")]
    public async Task Investigate_PodsNotWaitingOnTheirImage_AreRuledOut(string scenario)
    {
        var verdict = await new CannotPullContainerPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    // The kubelet's wordings, each from where it was seen: containerd's NotFound (aws-samples/eks-workshop-v2 public_image.md),
    // containerd's resolver answering 401 ("pulling from host quay.io failed with status code [manifests 2.16.0.0-b90]: 401
    // UNAUTHORIZED", quoted in yugabyte's chart troubleshooting), and a dial timeout to ECR (terraform-aws-modules/terraform-aws-eks#1476).
    [Theory]
    [InlineData("Failed to pull image \"public.ecr.aws/aws-containers/retailing-store-sample-ui:1.2.1\": rpc error: code = NotFound desc = failed to pull and "
        + "unpack image \"public.ecr.aws/aws-containers/retailing-store-sample-ui:1.2.1\": failed to resolve reference "
        + "\"public.ecr.aws/aws-containers/retailing-store-sample-ui:1.2.1\": public.ecr.aws/aws-containers/retailing-store-sample-ui:1.2.1: not found",
        CannotPullContainerPlaybook.ImageNotFoundSubCause)]
    [InlineData("Failed to pull image \"registry.example.com/team/app:1.4\": failed to pull and unpack image \"registry.example.com/team/app:1.4\": "
        + "failed to resolve reference \"registry.example.com/team/app:1.4\": pulling from host registry.example.com failed with status code "
        + "[manifests 1.4]: 401 Unauthorized", CannotPullContainerPlaybook.AuthDeniedSubCause)]
    [InlineData("Failed to pull image \"111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.0\": rpc error: code = Unknown desc = failed to pull and unpack "
        + "image \"111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.0\": "
        + "failed to resolve reference \"111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.0\": "
        + "failed to do request: Head \"https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/1.0\": dial tcp 3.5.8.1:443: i/o timeout",
        CannotPullContainerPlaybook.NetworkSubCause)]
    public async Task Investigate_KubeletPullFailure_IsToldApartByKind(string message, string subCause)
    {
        var context = await sandbox.PodContextAsync(Incident);
        var failed = new KubeEvent("Warning", "Failed", message, 3, null, null, "Pod", context.Pod!.Name, "kubelet");

        var verdict = await new CannotPullContainerPlaybook().InvestigateAsync(context with { PodEvents = [failed] }, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, subCause), (verdict.Status, verdict.SubCause));
    }
}
