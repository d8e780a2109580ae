using DiagBot.Bot.Events;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// One failing event, from whichever source, as the incident pipeline groups it: where it happened (account, region,
/// cluster and the scope: an ECS service, or a Kubernetes namespace/workload), the words that say why, and what to diagnose.
/// </summary>
internal sealed record IncidentOccurrence(string Account, string Region, string Cluster, string Scope, string ScopeKind, string Evidence, IncidentSubject Subject)
{
    public const string ServiceKind = "service";
    public const string WorkloadKind = "workload";

    public IncidentKey KeyFor(string playbook) => new(Account, Region, Cluster, Scope, playbook);

    public static IncidentOccurrence FromEcs(EcsEvent ecsEvent, ClassifiedEvent failure) => new(
        ecsEvent.Account,
        ecsEvent.Region,
        failure.Cluster,
        failure.Service ?? ecsEvent.Text("group") ?? "standalone",
        ServiceKind,
        failure.Evidence,
        new IncidentSubject(failure.Cluster, failure.Service, failure.TaskArn));
}
