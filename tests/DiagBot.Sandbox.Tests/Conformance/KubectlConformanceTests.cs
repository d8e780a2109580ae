using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>Runs the real kubectl against the sandbox's Kubernetes API over plain http, with a kubeconfig of its own.</summary>
[Trait("Tier", "External")]
public sealed class KubectlConformanceTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("diagbot-kubectl-").FullName;

    [Fact]
    public async Task GetPods_AllNamespaces_ListsSeededPodsWithStatus()
    {
        var result = await KubectlAsync("get", "pods", "-A", "-o", "wide");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"payments\s+ledger-api-6c8f7d9b5-q2w8x\s+0/1\s+Pending", result.Output);
        Assert.Matches(@"checkout\s+cart-worker-5b7c9d8f6-h4k2m\s+0/1\s+ContainerCreating", result.Output);
        Assert.Matches(@"shop\s+web-7f9c6d5b8-k7p2n\s+1/1\s+Running", result.Output);
    }

    [Fact]
    public async Task DescribePod_PendingPod_ShowsFailedSchedulingEvent()
    {
        var result = await KubectlAsync("describe", "pod", "-n", "payments", "ledger-api-6c8f7d9b5-q2w8x");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("memory:     12Gi", result.Output);
        Assert.Matches(@"Warning\s+FailedScheduling\s+.*\(x14 over 18m\)\s+default-scheduler\s+0/4 nodes are available", result.Output);
    }

    [Fact]
    public async Task DescribePod_SchedulerEventWithSeries_ShowsItsRepeatsAsKubectlCountsThem()
    {
        var result = await KubectlAsync("describe", "pod", "-n", "reports", "report-renderer-7c9d8b6f5-x2v4n");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"Warning\s+FailedScheduling\s+.*\(x9 over 2[56]m\)\s+default-scheduler\s+0/5 nodes are available", result.Output);
    }

    [Fact]
    public async Task GetTargetGroupBindingsAndNodeLabels_AreFoundThroughDiscovery()
    {
        var bindings = await KubectlAsync("get", "targetgroupbindings", "-A", "-o", "wide");
        var nodes = await KubectlAsync("get", "nodes", "-L", "karpenter.sh/capacity-type");

        Assert.True(bindings.ExitCode == 0, bindings.Describe());
        Assert.True(nodes.ExitCode == 0, nodes.Describe());
        Assert.Matches(@"ip-10-0-41-77\.ec2\.internal\s+NotReady.*\s+spot", nodes.Output);
    }

    [Fact]
    public async Task GetNodes_Cluster_ListsReadyNodes()
    {
        var result = await KubectlAsync("get", "nodes");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"ip-10-0-4-21\.ec2\.internal\s+Ready", result.Output);
        Assert.Matches(@"ip-10-0-44-87\.ec2\.internal\s+NotReady", result.Output);
        Assert.Equal(12, result.Output.Split('\n').Count(line => line.StartsWith("ip-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LogsPrevious_CrashLoopingPod_PrintsTheCrashedRunsLastLines()
    {
        var result = await KubectlAsync("logs", "-n", "payments", "settlement-worker-5f6d7c8b9-t4n2p", "-c", "settlement-worker", "--previous", "--tail", "1");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"^\S+ FATAL cannot start without a database connection; exiting with status 1\n$", result.Output);
    }

    [Fact]
    public async Task GetPods_CrashLoopingAndOomKilledPods_ShowStatusAndRestarts()
    {
        var result = await KubectlAsync("get", "pods", "-A");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"payments\s+settlement-worker-5f6d7c8b9-t4n2p\s+0/1\s+CrashLoopBackOff\s+14", result.Output);
        Assert.Matches(@"checkout\s+pricing-engine-7d9f8b6c5-m3x7q\s+1/1\s+Running\s+3", result.Output);
    }

    [Fact]
    public async Task GetDaemonSet_AwsNode_ShowsPrefixDelegationSetting()
    {
        var result = await KubectlAsync("get", "daemonset", "aws-node", "-n", "kube-system", "-o", "jsonpath={.spec.template.spec.containers[0].env[?(@.name==\"ENABLE_PREFIX_DELEGATION\")].value}");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("false", result.Output.Trim());
    }

    [Fact]
    public async Task GetEventsWatch_NewWarning_IsPrintedAsItHappens()
    {
        await using var server = await SandboxServer.StartAsync();
        using var watch = RunningProcess.Start(Kubectl.Executable, ["get", "events", "-n", "payments", "-w", "--cache-dir", Path.Combine(_home, "cache")],
            new Dictionary<string, string> { ["KUBECONFIG"] = await Kubectl.WriteKubeconfigAsync(server, _home), ["HOME"] = _home }, _home);

        // The list comes first (the seeded FailedScheduling), then the watch from the list's resourceVersion.
        await watch.WaitForOutputAsync("FailedScheduling", TimeSpan.FromSeconds(30));
        server.Kubernetes.AddPodEvent("payments", "ledger-api-6c8f7d9b5-q2w8x", "Warning", "BackOff", "Back-off restarting failed container ledger-api");
        // payments already holds a seeded BackOff (the EKS crash loop): wait for this pod's.
        var printed = await watch.WaitForOutputAsync("failed container ledger-api", TimeSpan.FromSeconds(30));
        server.Kubernetes.DropWatches();
        await watch.StopAsync(TimeSpan.FromSeconds(10));

        Assert.True(printed, watch.Output);
        Assert.Matches(@"Warning\s+BackOff\s+pod/ledger-api-6c8f7d9b5-q2w8x", watch.Output);
    }

    [Fact]
    public async Task GetDeployments_AllNamespaces_ListsSeededDeploymentsWithReadyCounts()
    {
        var result = await KubectlAsync("get", "deployments", "-A", "-o", "wide");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"payments\s+ledger-api\s+0/1\s+1\s+0\s+\S+\s+ledger-api\s+\S+ledger-api:2\.8\.1\s+app=ledger-api", result.Output);
        Assert.Matches(@"checkout\s+cart-worker\s+0/1\s+1\s+0", result.Output);
        Assert.Matches(@"shop\s+web\s+1/1\s+1\s+1", result.Output);
    }

    [Fact]
    public async Task GetDeployment_Stalled_ShowsProgressDeadlineExceeded()
    {
        var result = await KubectlAsync("get", "deploy", "ledger-api", "-n", "payments", "-o", "jsonpath={.status.conditions[?(@.type==\"Progressing\")].reason}");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("ProgressDeadlineExceeded", result.Output.Trim());
    }

    [Fact]
    public async Task GetPods_SetBasedSelector_ListsOnlyMatchingPods()
    {
        var stable = await KubectlAsync("get", "pods", "-n", "shop", "-l", "app in (search-api),track notin (canary)", "-o", "name");
        var unlabelled = await KubectlAsync("get", "pods", "-n", "shop", "-l", "app in (web,search-api),!track", "-o", "name");

        Assert.True(stable.ExitCode == 0, stable.Describe());
        Assert.Equal(["pod/search-api-7b9d5c6f8-2vqkt", "pod/search-api-7b9d5c6f8-8hzwm"], stable.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.True(unlabelled.ExitCode == 0, unlabelled.Describe());
        Assert.Equal(["pod/web-6d4b8c7f9-x9v5t", "pod/web-7f9c6d5b8-k7p2n"], unlabelled.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Theory]
    [InlineData("get|pods|-n|shop|-l|app in (search-api", @"Error from server \(BadRequest\)[^\n]*unable to parse requirement: found '', expected: ','")]
    // A kubelet the API server cannot dial: a plain Go error, so the Status has no reason, as kubectl prints a real one.
    [InlineData("logs|-n|payments|ledger-export-7c9d8b6f5-q4n8x|-c|ledger-export|--tail|1",
        @"Error from server: Get ""https://[\d.]+:10250/containerLogs/payments/ledger-export-7c9d8b6f5-q4n8x/ledger-export\?tailLines=1"": "
        + @"dial tcp [\d.]+:10250: i/o timeout")]
    public async Task ServerError_PrintsAsKubectlPrintsARealServers(string command, string expected)
    {
        var result = await KubectlAsync(command.Split('|'));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(expected, result.Output + result.Error);
    }

    [Fact]
    public async Task GetDeployment_MatchExpressions_ShowsTheSetBasedSelector()
    {
        var result = await KubectlAsync("get", "deployment", "search-api", "-n", "shop", "-o", "wide");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"search-api\s+2/2\s+2\s+2\s+\S+\s+search-api\s+\S+search-api:4\.3\.0\s+app in \(search-api\),track notin \(canary\)", result.Output);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Task<ProcessResult> KubectlAsync(params string[] arguments) => Kubectl.RunAsync(fixture.Server, _home, arguments);
}
