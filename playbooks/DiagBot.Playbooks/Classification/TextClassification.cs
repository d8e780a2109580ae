namespace DiagBot.Playbooks.Classification;

/// <summary>One reading of a text: the playbook it points to (null means "none": no failure mode), how sure, and why.</summary>
public sealed record TextClassification(int? Playbook, double Confidence, string Why);
