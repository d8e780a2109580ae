namespace DiagBot.Playbooks.Triage;

/// <summary>A playbook triage chose to run, with its score and the reason it ranked where it did.</summary>
public sealed record RankedPlaybook(IPlaybook Playbook, double Score, string Why);
