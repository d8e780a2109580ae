using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 3: ResourceInitializationError naming secrets. Denied, missing, unreachable, or no execution role at all?</summary>
internal sealed class SecretsPullFailedPlaybook : IPlaybook
{
    public const string AccessDeniedSubCause = "secret-access-denied";
    public const string NotFoundSubCause = "secret-not-found";
    public const string NetworkSubCause = "secrets-endpoint-unreachable";
    public const string ExecutionRoleMissingSubCause = "execution-role-missing";

    private const string SecretsManager = "secretsmanager.amazonaws.com";
    private const string ParameterStore = "ssm.amazonaws.com";
    private const string Kms = "kms.amazonaws.com";

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForTask = [TaskNetworkReader.SubnetEarlyAsync, StartFailureFacts.DefinitionEarlyAsync] };

    /// <summary>
    /// The CloudTrail sources the task's secrets are read from: Secrets Manager for its ARNs, Parameter Store for the
    /// rest (an ARN or a parameter's name), and KMS, which decrypts either with a customer managed key. CloudTrail
    /// answers two LookupEvents a second per account and Region (https://docs.aws.amazon.com/general/latest/gr/ct.html),
    /// so a source none of the secrets uses is not asked.
    /// </summary>
    private static IReadOnlyList<string> EventSourcesFor(EcsTaskDefinition? definition, IEnumerable<EcsSecret> secrets)
    {
        if (definition is null)
        {
            return [SecretsManager, ParameterStore, Kms];
        }

        var fromSecretsManager = secrets.Select(s => s.ValueFrom.Contains(":secretsmanager:", StringComparison.Ordinal)).ToList();
        return fromSecretsManager.Count == 0
            ? [SecretsManager, ParameterStore, Kms]
            : [.. fromSecretsManager.Distinct().Select(fromAsm => fromAsm ? SecretsManager : ParameterStore), Kms];
    }

    public int Id => SecretsPullFailed.Number;

    public string Name => SecretsPullFailed.Name;

    public string Title => SecretsPullFailed.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context.Task is not { } task)
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No task to read; give the id or ARN of the task that failed to start.");
        }

        var failure = TaskFailureText.Of(task).FirstOrDefault(SecretsFailure.IsSecretsFailure);
        if (failure is null)
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Task {task.TaskId} reports no failure reading its secrets.")
                with { Evidence = [new("ecs:DescribeTasks", "task stopped reason", task.StoppedReason ?? "(none)")] };
        }

        if (FixedByLaterDeploy.Find(context, task) is { } fixedBy)
        {
            return fixedBy.RuledOut(this, task, "could not read its secrets", failure.ToEvidence());
        }

        var kind = SecretsFailure.Classify(failure);
        var definition = await context.Evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken).ConfigureAwait(false);
        var secrets = definition.Value?.ContainerDefinitions.SelectMany(c => c.Secrets.Select(s => (Container: c.Name, Secret: s))).ToList() ?? [];
        var role = definition.Value?.ExecutionRoleArn;
        var trailRead = RoleDenialReader.ReadAsync(context, task, role, EventSourcesFor(definition.Value, secrets.Select(s => s.Secret)), cancellationToken);
        var networkRead = kind is SecretsFailureKind.Network or SecretsFailureKind.Unclassified ? TaskNetworkReader.ReadAsync(context, task, cancellationToken) : null;
        var trail = await trailRead.ConfigureAwait(false);
        var network = networkRead is null ? null : await networkRead.ConfigureAwait(false);

        var evidence = new List<EvidenceItem> { failure.ToEvidence() };
        if (definition.Value is { } read)
        {
            evidence.Add(new("ecs:DescribeTaskDefinition", "execution role", read.ExecutionRoleArn ?? "(none)"));
            evidence.AddRange(secrets.Select(s => new EvidenceItem("ecs:DescribeTaskDefinition", $"container {s.Container} secret {s.Secret.Name}", s.Secret.ValueFrom)));
        }

        evidence.AddRange(trail.ToEvidence("Secrets Manager / SSM / KMS"));
        evidence.AddRange(network?.Evidence ?? []);
        var finding = new SecretsFinding(task, role, [.. secrets.Select(s => s.Secret)], evidence,
            [.. new[] { definition.Gap }.OfType<EvidenceGap>(), .. trail.Missing, .. network?.Missing ?? []]);

        if (definition.Value is { ExecutionRoleArn: null } && secrets.Count > 0)
        {
            return Conclude(finding, VerdictStatus.Confirmed, ExecutionRoleMissingSubCause,
                $"Task definition {definition.Value.Family}:{definition.Value.Revision} injects {secrets.Count} secret(s) but has no execution role, so ECS has no credentials to read them for task {task.TaskId}.",
                SecretsFixes.ExecutionRoleMissing(), StartupCli.DescribeExecutionRole(task));
        }

        var denial = trail.Denied.FirstOrDefault();
        if (denial is not null && kind is SecretsFailureKind.AccessDenied or SecretsFailureKind.Unclassified)
        {
            return Denied(finding, denial);
        }

        return kind switch
        {
            SecretsFailureKind.AccessDenied => Conclude(finding, VerdictStatus.Likely, AccessDeniedSubCause,
                $"Task {task.TaskId} was refused its secrets (AccessDenied in the reason) but {(trail.WasRead ? "CloudTrail shows no denied call for its execution role yet" : "CloudTrail could not be read to name the denied call")}.",
                SecretsFixes.AccessDenied(role, finding.Secrets.Select(s => s.ValueFrom)), SimulateConfirm(finding, role, null)),
            SecretsFailureKind.NotFound => Conclude(finding, VerdictStatus.Confirmed, NotFoundSubCause,
                $"A secret that task {task.TaskId} injects does not exist (or not in region {StartupCli.RegionOf(task)}): {failure.Raw.Trim()}",
                SecretsFixes.NotFound(finding.Secrets), SecretsFixes.NotFoundConfirm(task, finding.Secrets)),
            _ when network is not null => Unreachable(finding, network, failure, kind),
            _ => Conclude(finding, VerdictStatus.Likely, null,
                $"Task {task.TaskId} could not read its secrets; the reason does not say why and the evidence read does not settle it.",
                SecretsFixes.Unclassified(), StartupCli.DescribeExecutionRole(task)),
        };
    }

    private Verdict Denied(SecretsFinding finding, AuditEvent denial)
    {
        var action = $"{denial.EventSource?.Split('.')[0] ?? "secretsmanager"}:{denial.EventName}";
        var resource = denial.Resources.Select(r => r.ResourceName).FirstOrDefault(n => n is not null)
            ?? finding.Secrets.Select(s => s.ValueFrom).FirstOrDefault();
        var role = finding.Role ?? denial.SessionIssuerArn;
        var roleName = role is null ? "The execution role" : $"Execution role {role[(role.LastIndexOf('/') + 1)..]}";
        return Conclude(finding, VerdictStatus.Confirmed, AccessDeniedSubCause,
            $"{roleName} is not allowed {action}{(resource is null ? string.Empty : $" on {resource}")}, so task {finding.Task.TaskId} could not read its secrets and did not start.",
            SecretsFixes.AccessDenied(role, resource is null ? [] : [resource], action), SimulateConfirm(finding, role, (action, resource)));
    }

    private Verdict Unreachable(SecretsFinding finding, TaskNetworkPath network, TaskFailureText failure, SecretsFailureKind kind)
    {
        var needed = SecretsFailure.EndpointsFor(finding.Secrets, failure);
        var assessment = network.Assess(needed);
        var confirm = network is { SubnetId: { } subnet, VpcId: { } vpc }
            ? $"{StartupCli.DescribeSubnetRoutes(finding.Task, subnet)} && {StartupCli.DescribeVpcEndpoints(finding.Task, vpc)}"
            : StartupCli.DescribeTaskStatus(finding.Task);
        return assessment.Status switch
        {
            PathStatus.NoRoute => Conclude(finding, VerdictStatus.Confirmed, NetworkSubCause,
                $"Task {finding.Task.TaskId} cannot reach {string.Join(" or ", needed)}: subnet {network.SubnetId} has no NAT or internet gateway route and VPC {network.VpcId} has no endpoint for {string.Join(", ", assessment.MissingEndpoints)}.",
                SecretsFixes.Unreachable(network, assessment), confirm),
            PathStatus.PublicIpDisabled => Conclude(finding, VerdictStatus.Confirmed, NetworkSubCause,
                $"Task {finding.Task.TaskId} cannot reach {string.Join(" or ", needed)}: subnet {network.SubnetId} only routes to an internet gateway and service {network.ServiceName} gives its tasks no public IP.",
                SecretsFixes.Unreachable(network, assessment), StartupCli.DescribeServiceNetwork(finding.Task, network.ServiceName!)),
            _ when kind == SecretsFailureKind.Network => Conclude(finding, VerdictStatus.Likely, NetworkSubCause,
                $"Task {finding.Task.TaskId} timed out reaching {string.Join(" or ", needed)}; {(assessment.Status == PathStatus.Reachable ? "its subnet routes out, so look at security group egress on 443, network ACLs and the endpoints' security groups" : "its routes and endpoints could not all be read")}.",
                SecretsFixes.Unreachable(network, assessment), confirm),
            _ => Conclude(finding, VerdictStatus.Likely, null,
                $"Task {finding.Task.TaskId} could not read its secrets; its network path looks open and the reason does not say why.",
                SecretsFixes.Unclassified(), StartupCli.DescribeExecutionRole(finding.Task)),
        };
    }

    private static string SimulateConfirm(SecretsFinding finding, string? role, (string Action, string? Resource)? denied)
    {
        if (role is null)
        {
            return StartupCli.LookupDeniedCalls(finding.Task, SecretsManager);
        }

        var actions = denied is { } d ? [d.Action] : SecretsFixes.ReadActions(finding.Secrets);
        var resources = denied is { Resource: { } r } ? [r] : finding.Secrets.Select(s => s.ValueFrom).Where(v => v.StartsWith("arn:", StringComparison.Ordinal)).ToList();
        return StartupCli.SimulateRole(finding.Task, role, actions, resources);
    }

    private Verdict Conclude(SecretsFinding finding, VerdictStatus status, string? subCause, string rootCause, IReadOnlyList<string> fix, string confirm) =>
        NewVerdict(status, rootCause) with { SubCause = subCause, Evidence = finding.Evidence, Missing = finding.Missing, Fix = fix, Confirm = confirm };

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);

    private sealed record SecretsFinding(EcsTask Task, string? Role, IReadOnlyList<EcsSecret> Secrets, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<EvidenceGap> Missing);
}
