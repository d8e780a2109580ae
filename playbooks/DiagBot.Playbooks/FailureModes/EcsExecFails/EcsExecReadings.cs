using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// What ECS Exec depends on besides the task itself, read in two rounds: the service and task definition, then the
/// CloudTrail denials of the task role and the network path to ssmmessages. Each unread source leaves a gap.
/// </summary>
internal sealed record EcsExecReadings(
    EcsService? Service,
    EcsTaskDefinition? Definition,
    IReadOnlyList<AuditEvent>? Denials,
    SsmMessagesPath Path,
    IReadOnlyList<EvidenceGap> Gaps)
{
    public const string SsmMessagesSource = "ssmmessages.amazonaws.com";

    // The agent opens its channels when the task starts; denials are looked for from a little before that.
    private static readonly TimeSpan BeforeStart = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

    public static async Task<EcsExecReadings> ReadAsync(DiagnosisContext context, EcsTask task, CancellationToken cancellationToken)
    {
        var serviceName = ServiceScope.ServiceNameOf(task);
        var serviceRead = serviceName is null
            ? Task.FromResult<EvidenceResult<EcsService>?>(null)
            : ReadServiceAsync(context, task, serviceName, cancellationToken);
        var definitionRead = context.Evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken);
        var (service, definition) = (await serviceRead.ConfigureAwait(false), await definitionRead.ConfigureAwait(false));

        var roleArn = definition.Value?.TaskRoleArn;
        var denialsRead = roleArn is null
            ? Task.FromResult<EvidenceResult<IReadOnlyList<AuditEvent>>?>(null)
            : ReadDenialsAsync(context, task, cancellationToken);
        var pathRead = SsmMessagesPath.ReadAsync(context.Evidence.Network, task, service?.Value?.NetworkConfiguration?.AssignPublicIp, cancellationToken);
        var (denials, path) = (await denialsRead.ConfigureAwait(false), await pathRead.ConfigureAwait(false));

        var gaps = new[] { service?.Gap, definition.Gap, denials?.Gap }.OfType<EvidenceGap>().Concat(path.Gaps).ToList();
        var denied = denials?.Value?.Where(e => e.IsDenied && IsRole(e, roleArn!)).ToList();
        return new EcsExecReadings(service?.Value, definition.Value, denied, path, gaps);
    }

    private static async Task<EvidenceResult<EcsService>?> ReadServiceAsync(DiagnosisContext context, EcsTask task, string serviceName, CancellationToken cancellationToken) =>
        await context.Evidence.Ecs.DescribeServiceAsync(task.ClusterArn, serviceName, cancellationToken).ConfigureAwait(false);

    private static async Task<EvidenceResult<IReadOnlyList<AuditEvent>>?> ReadDenialsAsync(DiagnosisContext context, EcsTask task, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var query = new AuditQuery
        {
            AttributeKey = AuditLookupAttribute.EventSource,
            AttributeValue = SsmMessagesSource,
            StartTime = task.StartedAt?.Subtract(BeforeStart) ?? now.Subtract(DefaultWindow),
            EndTime = now,
            Region = Diagnostics.Aws.AwsScope.FromArn(task.TaskArn).Region,
            AccountId = Diagnostics.Aws.AwsScope.FromArn(task.TaskArn).AccountId,
        };
        return await context.Evidence.AuditTrail.LookupEventsAsync(query, cancellationToken).ConfigureAwait(false);
    }

    // A role session's events name the role in sessionIssuer.arn, or at least in the assumed-role ARN.
    private static bool IsRole(AuditEvent e, string roleArn) =>
        string.Equals(e.SessionIssuerArn, roleArn, StringComparison.OrdinalIgnoreCase)
        || (e.PrincipalArn?.Contains($"assumed-role/{roleArn[(roleArn.LastIndexOf('/') + 1)..]}/", StringComparison.Ordinal) ?? false);
}
