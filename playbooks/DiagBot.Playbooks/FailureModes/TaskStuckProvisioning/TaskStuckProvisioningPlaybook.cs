using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.Networking;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 1: a task that never leaves PROVISIONING (or PENDING) because its network interface or network path is not there.</summary>
internal sealed class TaskStuckProvisioningPlaybook : IPlaybook
{
    public const string NoFreeIpsSubCause = "no-free-ips";
    public const string NoRouteSubCause = "no-route-to-aws";
    public const string PublicIpDisabledSubCause = "public-ip-disabled";
    public const string EniTimeoutSubCause = "eni-provisioning-timeout";
    public const string PendingWithoutEcrEndpointsSubCause = "pending-without-ecr-endpoints";

    private const string Provisioning = "PROVISIONING";
    private const string Pending = "PENDING";

    // Provisioning an ENI takes seconds; a task still there after this long is stuck, not slow.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    // Fargate's ENI wordings ("Timeout waiting for network interface provisioning to complete.", "Network interface
    // provision complete error timeout wait for network interface provision", "Rate limit exceeded while preparing
    // network interface ...", "Unexpected EC2 error while attempting to Create Network Interface ... in subnet '...'" from
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/failed-to-start-error.html) and the EC2 error code for
    // a full subnet, in normalised form.
    private static readonly string[] EniMarkers =
    [
        "network interface provision", "waiting for network interface", "preparing network interface",
        "insufficientfreeaddressesinsubnet", "insufficient free addresses", "eni provisioning", "create network interface",
    ];

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForTask = [TaskNetworkReader.SubnetEarlyAsync] };

    public int Id => TaskStuckProvisioning.Number;

    public string Name => TaskStuckProvisioning.Name;

    public string Title => TaskStuckProvisioning.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context.Task is not { } task)
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No task to read; give the id or ARN of the task stuck in PROVISIONING.");
        }

        var eniText = TaskFailureText.FirstWith(TaskFailureText.Of(task), EniMarkers);
        var stuckFor = task.StoppedAt is null && task.CreatedAt is { } created ? context.Now - created : (TimeSpan?)null;
        var status = new List<EvidenceItem> { new("ecs:DescribeTasks", "task lastStatus", task.LastStatus ?? "(none)") };
        if (stuckFor is { } age)
        {
            status.Add(new("ecs:DescribeTasks", "time since createdAt", Minutes(age)));
        }

        if (eniText is not null)
        {
            status.Add(eniText.ToEvidence());
        }

        // A task ECS stopped before it started is read whatever its words: triage ranks it here on its subnet.
        var neverStarted = StartFailureFacts.NeverStarted(task);
        if (eniText is null && task.LastStatus is not (Provisioning or Pending) && !neverStarted)
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Task {task.TaskId} is {task.LastStatus}: it got its network interface, and no ENI provisioning error was reported.")
                with { Evidence = status };
        }

        var network = await TaskNetworkReader.ReadAsync(context, task, cancellationToken).ConfigureAwait(false);
        var finding = new StuckFinding(task, network, [.. status, .. network.Evidence], network.Missing);
        var assessment = network.Assess(TaskEndpoints.Startup);

        if (task.LastStatus != Pending && network.Subnet is { AvailableIpAddressCount: <= 0 } full)
        {
            return Conclude(finding, VerdictStatus.Confirmed, NoFreeIpsSubCause,
                $"Subnet {full.SubnetId} ({full.CidrBlock}) has no free IP addresses left, so ECS cannot create the network interface of task {task.TaskId}"
                + (task.LastStatus == "STOPPED" ? " and stopped it before it started." : $" and it waits in {task.LastStatus}."),
                StuckFixes.NoFreeIps(full), StartupCli.DescribeSubnetAddresses(task, full.SubnetId))
                with { Charts = SubnetAddresses.Chart(full, SubnetConsequence(task), context.Now) };
        }

        if (assessment.IsBroken)
        {
            return BrokenPath(finding, assessment);
        }

        var decided = network.Subnet?.AvailableIpAddressCount is not null && assessment.Status == PathStatus.Reachable;
        if (eniText is not null || (task.LastStatus == Provisioning && stuckFor > StuckAfter))
        {
            var why = eniText is not null ? $"ECS reported \"{eniText.Raw.Trim()}\"" : $"the task has been in PROVISIONING for {Minutes(stuckFor!.Value)}";
            return decided && eniText is not null
                ? Conclude(finding, VerdictStatus.Confirmed, EniTimeoutSubCause,
                    $"AWS did not finish provisioning the network interface of task {task.TaskId} ({why}) although subnet {network.SubnetId} has free addresses and a route out: a transient Fargate-side ENI timeout.",
                    StuckFixes.EniTimeout(), StartupCli.DescribeTaskStatus(task))
                : decided
                ? Conclude(finding, VerdictStatus.Likely, EniTimeoutSubCause,
                    $"Task {task.TaskId} is stuck before start ({why}) although subnet {network.SubnetId} has free addresses and a route out: most likely a Fargate-side ENI provisioning delay.",
                    StuckFixes.EniTimeout(), StartupCli.DescribeTaskStatus(task))
                : network is { SubnetId: null, Missing.Count: 0 }
                ? Conclude(finding, VerdictStatus.Likely, null,
                    $"Task {task.TaskId} is stuck before start ({why}) and has no awsvpc network interface: on EC2 it waits for a container instance (a capacity provider scaling out, or none registered) rather than for an ENI.",
                    StuckFixes.NoInstance(task.ClusterName), StartupCli.DescribeTaskStatus(task))
                : Conclude(finding, VerdictStatus.Likely, null,
                    $"Task {task.TaskId} is stuck before start ({why}), but the subnet, route or endpoint evidence that would say why could not be read.",
                    StuckFixes.Unknown(), network.SubnetId is { } subnetId ? StartupCli.DescribeSubnetAddresses(task, subnetId) : StartupCli.DescribeTaskStatus(task));
        }

        return Conclude(finding, VerdictStatus.RuledOut, null,
            neverStarted && task.LastStatus == "STOPPED"
                ? decided
                    ? $"Task {task.TaskId} never started, but subnet {network.SubnetId} has free addresses and a route out, "
                        + "and ECS reported no network-interface error: its network is not why."
                    : $"Task {task.TaskId} never started, and ECS reported no network-interface error; "
                        + "its subnet and routes could not all be read to rule its network out further."
                : task.LastStatus == Pending
                ? $"Task {task.TaskId} has its network interface and a route to ECR; a task in PENDING is pulling its image or secrets, not provisioning."
                : $"Task {task.TaskId} has been {task.LastStatus} for only {(stuckFor is { } a ? Minutes(a) : "a moment")}; nothing in its subnet or routes would keep it there.",
            [], null);
    }

    private Verdict BrokenPath(StuckFinding finding, NetworkAssessment assessment)
    {
        var (task, network) = (finding.Task, finding.Network);
        var missing = string.Join(", ", assessment.MissingEndpoints);
        var route = TaskNetworkPath.Describe(network.DefaultRouteEntry);
        if (assessment.Status == PathStatus.PublicIpDisabled)
        {
            return Conclude(finding, VerdictStatus.Confirmed, PublicIpDisabledSubCause,
                $"Subnet {network.SubnetId} is public ({route}) but service {network.ServiceName} launches tasks with assignPublicIp DISABLED and there are no endpoints for {missing}, so task {task.TaskId} cannot reach ECR.",
                StuckFixes.PublicIpDisabled(network), StartupCli.DescribeServiceNetwork(task, network.ServiceName!));
        }

        var pendingOnEcr = task.LastStatus == Pending && assessment.MissingEndpoints.Any(e => e.StartsWith("ecr", StringComparison.Ordinal));
        var confirm = $"{StartupCli.DescribeSubnetRoutes(task, network.SubnetId!)} && {StartupCli.DescribeVpcEndpoints(task, network.VpcId!)}";
        return pendingOnEcr
            ? Conclude(finding, VerdictStatus.Confirmed, PendingWithoutEcrEndpointsSubCause,
                $"Task {task.TaskId} got its network interface but waits in PENDING: subnet {network.SubnetId} has no NAT or internet gateway route and VPC {network.VpcId} lacks endpoints for {missing}, so the image cannot be pulled.",
                StuckFixes.NoRoute(network, assessment), confirm)
            : Conclude(finding, VerdictStatus.Confirmed, NoRouteSubCause,
                $"Subnet {network.SubnetId} has no route to the internet ({route}) and VPC {network.VpcId} lacks endpoints for {missing}, so task {task.TaskId} cannot reach the AWS APIs it needs to start.",
                StuckFixes.NoRoute(network, assessment), confirm);
    }

    private Verdict Conclude(StuckFinding finding, VerdictStatus status, string? subCause, string rootCause, IReadOnlyList<string> fix, string? confirm) =>
        NewVerdict(status, rootCause) with { SubCause = subCause, Evidence = finding.Evidence, Missing = finding.Missing, Fix = fix, Confirm = confirm };

    private static string SubnetConsequence(EcsTask task) => task.LastStatus == "STOPPED"
        ? $"task {task.TaskId} stopped before it started"
        : $"task {task.TaskId} waits in {task.LastStatus} for a network interface";

    private static string Minutes(TimeSpan age) => $"{Math.Max(0, (int)age.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min";

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);

    private sealed record StuckFinding(EcsTask Task, TaskNetworkPath Network, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<Diagnostics.Evidence.EvidenceGap> Missing);
}
