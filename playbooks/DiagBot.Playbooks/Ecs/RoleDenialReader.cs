using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Ecs;

/// <summary>
/// CloudTrail calls that the task's start-up made with its execution role (ECR pulls, secret reads), and which
/// of them were denied. The role is recognised by its ARN, or by the session ECS names after the task id. One
/// lookup per event source: a source that could not be read (throttled, denied) is a gap of its own, and what the
/// other lookups found still counts.
/// </summary>
internal sealed record RoleDenialReader(IReadOnlyList<AuditEvent> Calls, IReadOnlyList<EvidenceGap> Missing, int SourcesRead = 0)
{
    // Events land in CloudTrail minutes after the call; the task's own window plus this margin catches them.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(15);

    /// <summary>Every source was read, so "no denial" means none happened.</summary>
    public bool WasRead => Missing.Count == 0;

    public IEnumerable<AuditEvent> Denied => Calls.Where(e => e.IsDenied);

    public static Task<RoleDenialReader> ReadAsync(
        DiagnosisContext context, EcsTask task, string? roleArn, IReadOnlyList<string> eventSources, CancellationToken cancellationToken) =>
        ReadAsync(context, task, Task.FromResult(roleArn), eventSources, cancellationToken);

    /// <summary>
    /// The lookups ask by event source, not by role, so they start at once; the role (often from the task definition,
    /// still being read) is needed only to pick the task's own calls out of the answers.
    /// </summary>
    public static async Task<RoleDenialReader> ReadAsync(
        DiagnosisContext context, EcsTask task, Task<string?> roleArn, IReadOnlyList<string> eventSources, CancellationToken cancellationToken)
    {
        var reads = eventSources.Select(source =>
            context.Evidence.AuditTrail.LookupEventsAsync(QueryFor(task, context.Now, source), cancellationToken));
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        var role = await roleArn.ConfigureAwait(false);
        var calls = results.SelectMany(r => r.Value ?? []).Where(e => IsMadeFor(e, task, role)).ToList();
        return new RoleDenialReader(calls, [.. results.Select(r => r.Gap).OfType<EvidenceGap>()], results.Count(r => r.HasValue));
    }

    /// <summary>
    /// The lookup of one event source over the task's life, as the readers above ask it: an early read that asks the
    /// same question is sent once. <paramref name="now"/> ends the window of a task
    /// that has not stopped.
    /// </summary>
    public static AuditQuery QueryFor(EcsTask task, DateTimeOffset now, string eventSource)
    {
        var scope = Arn.TryParse(task.TaskArn, out var arn) ? arn : null;
        var end = (task.StoppedAt ?? now) + Margin;
        return new AuditQuery
        {
            AttributeKey = AuditLookupAttribute.EventSource,
            AttributeValue = eventSource,
            StartTime = (task.CreatedAt ?? end - TimeSpan.FromHours(1)) - Margin,
            EndTime = end,
            Region = scope?.Region,
            AccountId = scope?.AccountId,
        };
    }

    public IEnumerable<EvidenceItem> ToEvidence(string what)
    {
        if (SourcesRead == 0)
        {
            yield break;
        }

        var denied = Denied.ToList();
        var partly = WasRead ? string.Empty : $" in the {SourcesRead} of {SourcesRead + Missing.Count} event sources read";
        yield return denied.Count == 0
            ? new EvidenceItem("cloudtrail:LookupEvents", $"{what} calls denied for the task's role", $"none of {Calls.Count} calls{partly}")
            : new EvidenceItem("cloudtrail:LookupEvents", $"{what} call denied for the task's role", $"{denied[0].EventName} {denied[0].ErrorCode}: {denied[0].ErrorMessage}");
    }

    private static bool IsMadeFor(AuditEvent e, EcsTask task, string? roleArn) =>
        (roleArn is not null && string.Equals(e.SessionIssuerArn, roleArn, StringComparison.OrdinalIgnoreCase))
        || (e.PrincipalArn?.EndsWith("/" + task.TaskId, StringComparison.Ordinal) ?? false);
}
