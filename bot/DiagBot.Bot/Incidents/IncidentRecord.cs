using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Incidents;

/// <summary>What is known of an incident, kept in the store so any replica can update its post.</summary>
internal sealed record IncidentRecord
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public required string Playbook { get; init; }
    public required string Service { get; init; }

    /// <summary>What <see cref="Service"/> names: an ECS "service" or a Kubernetes "workload" (namespace/name).</summary>
    public string ScopeKind { get; init; } = IncidentOccurrence.ServiceKind;
    public required string Cluster { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    public string RootCause { get; init; } = "";
    public string LatestEvidence { get; init; } = "";
    public bool Recovered { get; init; }
}

/// <summary>An incident as a channel shows it: the record, how many events it has counted and its diagnosis' charts.</summary>
internal sealed record IncidentView(IncidentRecord Record, long Count)
{
    /// <summary>As the diagnosis drew them (not yet cleaned); empty when its mode has none or a channel does not need them.</summary>
    public IReadOnlyList<Chart> Charts { get; init; } = [];
}
