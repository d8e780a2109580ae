using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 2: CannotPullContainerError. Image or tag missing, registry auth denied, no network path, rate limit or a full disk?</summary>
internal sealed class CannotPullContainerPlaybook : IPlaybook
{
    public const string ImageNotFoundSubCause = "image-not-found";
    public const string AuthDeniedSubCause = "registry-auth-denied";
    public const string ExecutionRoleMissingSubCause = "execution-role-missing";
    public const string NetworkSubCause = "registry-unreachable";
    public const string RateLimitSubCause = "registry-rate-limit";
    public const string DiskFullSubCause = "disk-full-on-pull";

    private const string EcrEventSource = "ecr.amazonaws.com";
    private const string Pending = "PENDING";

    // Fargate platform 1.4.0 pulls through the task's ENI: both ECR endpoints and S3 (layers) are needed without NAT.
    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new()
    {
        ForTask = [TaskNetworkReader.SubnetEarlyAsync, StartFailureFacts.DefinitionEarlyAsync, EcrDenialsEarlyAsync],
    };

    public int Id => CannotPullContainer.Number;

    public string Name => CannotPullContainer.Name;

    public string Title => CannotPullContainer.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context.Task is not { } task)
        {
            return context is { Pod: { } pod, KubernetesCluster: { } cluster }
                ? PodImagePull.Investigate(this, context, pod, cluster)
                : NewVerdict(VerdictStatus.Inconclusive, "No task to read pull errors from; give the id or ARN of the stopped task.");
        }

        var pull = PullText(task);
        if (pull is null && task is { LastStatus: Pending, StoppedAt: null })
        {
            return await StillPendingAsync(context, task, cancellationToken).ConfigureAwait(false);
        }

        if (pull is null)
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Task {task.TaskId} reports no image pull failure.")
                with { Evidence = [new("ecs:DescribeTasks", "task stopped reason", task.StoppedReason ?? "(none)")] };
        }

        if (FixedByLaterDeploy.Find(context, task) is { } fixedBy)
        {
            return fixedBy.RuledOut(this, task, "could not pull its image", pull.ToEvidence());
        }

        var kind = PullFailure.Classify(pull);
        var definitionRead = context.Evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken);
        var networkRead = kind is PullFailureKind.RateLimit or PullFailureKind.DiskFull ? null : TaskNetworkReader.ReadAsync(context, task, cancellationToken);
        var onEc2 = task.ContainerInstanceArn is not null || task.LaunchType == "EC2";
        var trailRead = !NeedsCloudTrail(kind)
            ? null
            : RoleDenialReader.ReadAsync(
                context, task, onEc2 ? Task.FromResult<string?>(null) : ExecutionRoleAsync(definitionRead), [EcrEventSource], cancellationToken);
        var definition = await definitionRead.ConfigureAwait(false);
        var trail = trailRead is null ? null : await trailRead.ConfigureAwait(false);
        var role = onEc2 ? null : definition.Value?.ExecutionRoleArn;
        var network = networkRead is null ? null : await networkRead.ConfigureAwait(false);

        var image = task.Containers.FirstOrDefault(c => c.Reason == pull.Raw)?.Image ?? definition.Value?.ContainerDefinitions.FirstOrDefault()?.Image;
        var finding = new PullFinding(task, image, network,
            [pull.ToEvidence(), .. DefinitionEvidence(definition.Value, image, onEc2), .. trail?.ToEvidence("ECR") ?? [], .. network?.Evidence ?? []],
            [.. new[] { definition.Gap }.OfType<EvidenceGap>(), .. trail?.Missing ?? [], .. network?.Missing ?? []]);

        if (!onEc2 && definition.Value is { ExecutionRoleArn: null } && kind is not (PullFailureKind.RateLimit or PullFailureKind.DiskFull or PullFailureKind.Network))
        {
            return Conclude(finding, VerdictStatus.Confirmed, ExecutionRoleMissingSubCause,
                $"Task definition {definition.Value.Family}:{definition.Value.Revision} has no execution role, so Fargate has no credentials to pull {image} for task {task.TaskId}.",
                PullFixes.ExecutionRoleMissing(), StartupCli.DescribeExecutionRole(task));
        }

        var denial = trail?.Denied.FirstOrDefault();
        return kind switch
        {
            PullFailureKind.RateLimit => Conclude(finding, VerdictStatus.Confirmed, RateLimitSubCause,
                $"The registry refused to serve {image} to task {task.TaskId}: its pull rate limit was reached (toomanyrequests).", PullFixes.RateLimit(image), AwsCli.DescribeTaskContainers(task)),
            PullFailureKind.DiskFull => Conclude(finding, VerdictStatus.Confirmed, DiskFullSubCause,
                $"Pulling {image} for task {task.TaskId} ran out of disk space (no space left on device).", PullFixes.DiskFull(onEc2), AwsCli.DescribeTaskContainers(task)),
            PullFailureKind.Network => Unreachable(finding),

            // The registry answers "not found" only to a caller it has authorised, so a denial elsewhere in the window does not change it.
            PullFailureKind.ImageNotFound => Conclude(finding, VerdictStatus.Confirmed, ImageNotFoundSubCause,
                $"Image {image} does not exist in its registry (the tag or repository is missing), so task {task.TaskId} could not pull it.", PullFixes.ImageNotFound(image), ImageConfirm(task, image)),
            _ when denial is not null => Conclude(finding, VerdictStatus.Confirmed, AuthDeniedSubCause,
                $"{RoleName(role) ?? "The task's role"} is denied {denial.EventName} on ECR, so task {task.TaskId} cannot pull {image}.",
                PullFixes.AuthDenied(role, onEc2), AuthConfirm(task, role)),
            PullFailureKind.AuthDenied => Conclude(finding, VerdictStatus.Likely, AuthDeniedSubCause,
                $"The registry refused the credentials of task {task.TaskId} for {image}; {(trail!.WasRead ? "CloudTrail shows no ECR denial for its role yet (events arrive minutes late); for a registry outside ECR, its repositoryCredentials are the likely cause" : "CloudTrail could not be read to name the denied call")}.",
                PullFixes.AuthDenied(role, onEc2), AuthConfirm(task, role)),
            PullFailureKind.AuthOrNotFound when trail!.WasRead => Conclude(finding, VerdictStatus.Likely, ImageNotFoundSubCause,
                $"The registry denied access to {image} while CloudTrail shows no ECR denial for the task's role: the repository or tag most likely does not exist.", PullFixes.ImageNotFound(image), ImageConfirm(task, image)),
            _ when network?.Assess(TaskEndpoints.ImagePull).IsBroken == true => Unreachable(finding),
            _ => Conclude(finding, VerdictStatus.Likely, null,
                $"Task {task.TaskId} could not pull {image}; the message does not say why and the evidence read does not settle it.", PullFixes.Unclassified(), AwsCli.DescribeTaskContainers(task)),
        };
    }

    // A task still in PENDING has no pull error yet; when the registry is out of reach it will time out, so say so now.
    private async Task<Verdict> StillPendingAsync(DiagnosisContext context, EcsTask task, CancellationToken cancellationToken)
    {
        var network = await TaskNetworkReader.ReadAsync(context, task, cancellationToken).ConfigureAwait(false);
        var image = task.Containers.FirstOrDefault()?.Image;
        var finding = new PullFinding(task, image, network, [new("ecs:DescribeTasks", "task lastStatus", Pending), .. network.Evidence], network.Missing);
        return network.Assess(TaskEndpoints.ImagePull).Status switch
        {
            PathStatus.NoRoute or PathStatus.PublicIpDisabled => Unreachable(finding),
            PathStatus.Reachable => Conclude(finding, VerdictStatus.RuledOut, null,
                $"Task {task.TaskId} is still PENDING but its subnet can reach ECR ({TaskNetworkPath.Describe(network.DefaultRouteEntry)}); it is pulling, not failing to pull.", [], StartupCli.DescribeTaskStatus(task)),
            _ => Conclude(finding, VerdictStatus.Inconclusive, null,
                $"Task {task.TaskId} is still PENDING and its route to ECR could not be read.", PullFixes.Unclassified(), StartupCli.DescribeTaskStatus(task)),
        };
    }

    private Verdict Unreachable(PullFinding finding)
    {
        var (task, network) = (finding.Task, finding.Network!);
        var assessment = network.Assess(TaskEndpoints.ImagePull);
        var confirm = network is { SubnetId: { } subnet, VpcId: { } vpc }
            ? $"{StartupCli.DescribeSubnetRoutes(task, subnet)} && {StartupCli.DescribeVpcEndpoints(task, vpc)}"
            : AwsCli.DescribeTaskContainers(task);
        return assessment.Status switch
        {
            PathStatus.NoRoute => Conclude(finding, VerdictStatus.Confirmed, NetworkSubCause,
                $"Task {task.TaskId} cannot reach the registry: subnet {network.SubnetId} has no NAT or internet gateway route and VPC {network.VpcId} lacks endpoints for {string.Join(", ", assessment.MissingEndpoints)}.",
                PullFixes.Unreachable(network, assessment), confirm),
            PathStatus.PublicIpDisabled => Conclude(finding, VerdictStatus.Confirmed, NetworkSubCause,
                $"Task {task.TaskId} cannot reach the registry: subnet {network.SubnetId} only routes to an internet gateway but service {network.ServiceName} runs tasks without a public IP.",
                PullFixes.Unreachable(network, assessment), StartupCli.DescribeServiceNetwork(task, network.ServiceName!)),
            PathStatus.Reachable => Conclude(finding, VerdictStatus.Likely, NetworkSubCause,
                $"Task {task.TaskId} timed out reaching the registry although subnet {network.SubnetId} routes out ({TaskNetworkPath.Describe(network.DefaultRouteEntry)}): look at security group egress on 443, network ACLs and DNS.",
                PullFixes.Unreachable(network, assessment), confirm),
            _ => Conclude(finding, VerdictStatus.Likely, NetworkSubCause,
                $"Task {task.TaskId} timed out reaching the registry; its subnet's routes and endpoints could not be read to say where the path breaks.",
                PullFixes.Unreachable(network, assessment), confirm),
        };
    }

    private static IEnumerable<EvidenceItem> DefinitionEvidence(EcsTaskDefinition? definition, string? image, bool onEc2)
    {
        yield return new("ecs:DescribeTasks", "image", image ?? "(unknown)");
        if (definition is not null)
        {
            yield return new("ecs:DescribeTaskDefinition", "execution role", definition.ExecutionRoleArn ?? (onEc2 ? "(none: EC2 pulls with the container instance role)" : "(none)"));
        }
    }

    // A task that never started reads its subnet's routes and endpoints in triage, so a lookup started by the playbook
    // would be a round trip after them: a stopped task whose pull failure credentials could explain starts it early.
    private static Task EcrDenialsEarlyAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken) =>
        task.StoppedAt is { } stopped && PullText(task) is { } pull && NeedsCloudTrail(PullFailure.Classify(pull))
            ? evidence.AuditTrail.LookupEventsAsync(RoleDenialReader.QueryFor(task, stopped, EcrEventSource), cancellationToken)
            : Task.CompletedTask;

    private static TaskFailureText? PullText(EcsTask task) =>
        TaskFailureText.Of(task).FirstOrDefault(t => t.ContainsAny(PullFailure.Markers) && !PullFailure.IsAboutSecrets(t));

    // A registry's rate limit, a full disk or no network path is not a question of credentials.
    private static bool NeedsCloudTrail(PullFailureKind kind) =>
        kind is not (PullFailureKind.RateLimit or PullFailureKind.DiskFull or PullFailureKind.Network);

    private static async Task<string?> ExecutionRoleAsync(Task<EvidenceResult<EcsTaskDefinition>> definition) =>
        (await definition.ConfigureAwait(false)).Value?.ExecutionRoleArn;

    private static string ImageConfirm(EcsTask task, string? image) => image is not null && image.Contains(".dkr.ecr.", StringComparison.Ordinal)
        ? StartupCli.DescribeImage(task, image)
        : image is not null ? $"docker manifest inspect {image}" : AwsCli.DescribeTaskContainers(task);

    private static string AuthConfirm(EcsTask task, string? role) => role is not null
        ? StartupCli.SimulateRole(task, role, ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], [])
        : StartupCli.LookupDeniedCalls(task, EcrEventSource);

    private static string? RoleName(string? roleArn) => roleArn is null ? null : $"Execution role {roleArn[(roleArn.LastIndexOf('/') + 1)..]}";

    private Verdict Conclude(PullFinding finding, VerdictStatus status, string? subCause, string rootCause, IReadOnlyList<string> fix, string confirm) =>
        NewVerdict(status, rootCause) with { SubCause = subCause, Evidence = finding.Evidence, Missing = finding.Missing, Fix = fix, Confirm = confirm };

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);

    private sealed record PullFinding(EcsTask Task, string? Image, TaskNetworkPath? Network, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<EvidenceGap> Missing);
}
