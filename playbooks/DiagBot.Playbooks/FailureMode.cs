namespace DiagBot.Playbooks;

/// <summary>
/// A failure mode's identity. <paramref name="Number"/> is its row in docs/architecture.md's table of failure modes, <paramref name="Name"/> the
/// kebab-case name verdicts, JSON and the corpus use (a contract: never renamed). Each mode defines its own once, in
/// <c>FailureModes/&lt;Name&gt;/&lt;Name&gt;.cs</c>.
/// </summary>
public sealed record FailureMode(int Number, string Name, string Title);
