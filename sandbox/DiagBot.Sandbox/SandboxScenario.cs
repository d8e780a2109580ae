namespace DiagBot.Sandbox;

/// <summary>Playbook is the failure mode (1-15) a diagnosis must reach, or null for a healthy resource or a look-alike.</summary>
public sealed record SandboxScenario(string Name, int? Playbook, string Subject, string Summary);
