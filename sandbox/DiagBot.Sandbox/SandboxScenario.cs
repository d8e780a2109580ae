namespace DiagBot.Sandbox;

// Playbook is the failure mode (1-15) a diagnosis must reach, or null for a healthy resource or a look-alike.
public sealed record SandboxScenario(string Name, int? Playbook, string Subject, string Summary);
