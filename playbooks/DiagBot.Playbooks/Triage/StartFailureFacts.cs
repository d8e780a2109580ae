using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Issue 18: a task that never started, in a subnet with no free addresses or with no way out to the AWS APIs it needs,
/// is playbook 1 whatever its stoppedReason says. ECS words the same failure many ways (an ENI timeout, "Unexpected EC2
/// error while attempting to Create Network Interface ... in subnet '...'", a bare InternalError), so what was read
/// about the subnet ranks it, not the words.
/// </summary>
internal static class StartFailureFacts
{
    // What was read is the cause itself, not a hint: it ties any wording's certainty, and a tie goes to playbook 1.
    private const double Score = 1.0;

    public const string TaskFailedToStart = "TaskFailedToStart";

    /// <summary>Never ran: still provisioning, or stopped by ECS before its containers started.</summary>
    public static bool NeverStarted(EcsTask task) =>
        task.StartedAt is null && (task.StopCode == TaskFailedToStart || task.LastStatus == "PROVISIONING");

    /// <summary>
    /// An early read for the modes of a task that never started and whose playbooks start from its definition (2, 3):
    /// triage waits one read (<see cref="FreeAddressesAsync"/>) before ranking such a task, and this keeps the
    /// definition in the same round so the playbooks lose none.
    /// </summary>
    public static Task DefinitionEarlyAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken) =>
        NeverStarted(task) && TaskNetworkReader.SubnetOf(task) is not null
            ? evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Before ranking: the free addresses of the subnet the task's ENI is (or would have been) in. One read beside
    /// triage's others; the routes and endpoints take another round, so <see cref="PathAsync"/> reads them.
    /// </summary>
    public static async Task<IReadOnlyList<TriageFact>> FreeAddressesAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        // A task that began pulling had its ENI, so a subnet full now did not stop it.
        if (!NeverStarted(task) || task.PullStartedAt is not null || TaskNetworkReader.SubnetOf(task) is not { } subnetId)
        {
            return [];
        }

        var read = await TaskNetworkReader.SubnetAsync(evidence, task, subnetId, cancellationToken).ConfigureAwait(false);
        return read.Value?.FirstOrDefault(s => s.SubnetId == subnetId) is { AvailableIpAddressCount: <= 0 } full ? [NoFreeAddresses(task, full)] : [];
    }

    /// <summary>
    /// While the playbooks read: the task's whole network path (subnet, routes, endpoints; the playbooks share these
    /// reads), so a subnet with no way out ranks playbook 1 too without the diagnosis waiting a round longer.
    /// </summary>
    public static async Task<IReadOnlyList<TriageFact>> PathAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        if (!NeverStarted(task))
        {
            return [];
        }

        var network = await TaskNetworkReader.ReadAsync(evidence, task, cancellationToken).ConfigureAwait(false);
        if (task.PullStartedAt is null && network.Subnet is { AvailableIpAddressCount: <= 0 } full)
        {
            return [NoFreeAddresses(task, full)];
        }

        var assessment = network.Assess(TaskEndpoints.Startup);
        var publicIp = assessment.Status == PathStatus.PublicIpDisabled ? ", assignPublicIp DISABLED" : string.Empty;
        var route = TaskNetworkPath.Describe(network.DefaultRouteEntry);
        return assessment.IsBroken
            ? [TriageFact.Pointing(TaskStuckProvisioning.Number, Score, "ec2:DescribeRouteTables, ec2:DescribeVpcEndpoints",
                $"task {task.TaskId} never started and its subnet {network.SubnetId} has no way out ({route}{publicIp}) "
                + $"and no endpoints for {string.Join(", ", assessment.MissingEndpoints)}")]
            : [];
    }

    private static TriageFact NoFreeAddresses(EcsTask task, Subnet full) =>
        TriageFact.Pointing(TaskStuckProvisioning.Number, Score, "ec2:DescribeSubnets",
            $"task {task.TaskId} never started and its subnet {full.SubnetId} has 0 free IP addresses for its network interface");
}
