namespace DiagBot.Playbooks.Verdicts;

/// <summary>One fact a verdict rests on.</summary>
/// <param name="Source">Where it was read, as "service:Operation", e.g. "ecs:DescribeTasks".</param>
/// <param name="Fact">What it shows, in words.</param>
/// <param name="Value">The raw value as the API returned it.</param>
public sealed record EvidenceItem(string Source, string Fact, string Value);
