namespace DiagBot.Bot.Incidents;

/// <summary>
/// One incident: account, region, cluster, the service (or, for a standalone task, its group) and the playbook
/// its first evidence points at. Every event with the same key grows the same post.
/// </summary>
internal sealed record IncidentKey(string Account, string Region, string Cluster, string Scope, string Playbook)
{
    public string Value => $"{Account}/{Region}/{Cluster}/{Scope}/{Playbook}";

    /// <summary>The key without the playbook: what a recovery event (steady state, deployment completed) names.</summary>
    public string ServiceScope => ScopeOf(Account, Region, Cluster, Scope);

    public static string ScopeOf(string account, string region, string cluster, string scope) => $"{account}/{region}/{cluster}/{scope}";

    public override string ToString() => Value;
}
