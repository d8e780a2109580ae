namespace DiagBot.Playbooks.Classification;

/// <summary>A playbook (or "none" when <see cref="Playbook"/> is null) and the signals that point to it.</summary>
internal sealed record Candidate(int? Playbook, double Score, IReadOnlyList<SignalHit> Hits)
{
    public static Candidate From(int? playbook, IEnumerable<SignalHit> hits)
    {
        var ordered = hits.OrderByDescending(h => h.Rule.Weight).ToList();
        var disbelief = ordered.Aggregate(1.0, (product, hit) => product * (1 - hit.Rule.Weight));
        return new Candidate(playbook, ordered.Count == 0 ? 0 : 1 - disbelief, ordered);
    }

    public Candidate ExplainedAwayBy(IEnumerable<SignalHit> hits)
    {
        var remaining = hits
            .Where(h => Playbook is { } playbook && h.Rule.ExplainsAway?.Contains(playbook) == true)
            .Aggregate(Score, (score, hit) => score * (1 - hit.Rule.Weight));
        return this with { Score = remaining };
    }
}
