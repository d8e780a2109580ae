namespace DiagBot.Sandbox;

/// <summary>A burst of failing tasks of one service: the EventBridge event documents, oldest first.</summary>
public sealed record SandboxIncidentBurst(string Service, string Cluster, IReadOnlyList<string> Events);
