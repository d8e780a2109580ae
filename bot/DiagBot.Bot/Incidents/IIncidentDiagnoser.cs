using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Incidents;

/// <summary>Diagnoses an incident once, from its first event's task (or its service when the event names no task).</summary>
internal interface IIncidentDiagnoser
{
    Task<IncidentDiagnosis> DiagnoseAsync(IncidentSubject subject, CancellationToken cancellationToken);
}

/// <summary>What the one diagnosis of an incident looks at: a task, else a pod ("namespace/name"), else the service, else the symptom's words (a node's OOMKilling).</summary>
internal sealed record IncidentSubject(string Cluster, string? Service, string? TaskArn, string? Pod = null, string? Symptom = null);

internal sealed record IncidentDiagnosis(string Title, string RootCause)
{
    /// <summary>The diagnosis' charts with data to draw; the incident's first post carries them.</summary>
    public IReadOnlyList<Chart> Charts { get; init; } = [];
}

/// <summary>Names the playbook an event's own words point at, with no AWS call: it completes the incident key.</summary>
internal interface IPlaybookHint
{
    string PlaybookFor(string evidence);
}
