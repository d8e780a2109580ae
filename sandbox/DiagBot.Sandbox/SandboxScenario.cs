namespace DiagBot.Sandbox;

/// <summary>Playbook is the number of the failure mode a diagnosis must reach, or null for a healthy resource or a look-alike.</summary>
public sealed record SandboxScenario(string Name, int? Playbook, string Subject, string Summary);
