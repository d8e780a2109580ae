using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Playbooks.Verdicts;

/// <summary>What one playbook concluded, platform-neutral: each channel renders it its own way.</summary>
public sealed record Verdict
{
    public required int Playbook { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required VerdictStatus Status { get; init; }
    public required string RootCause { get; init; }

    /// <summary>Which variant of the failure mode, e.g. "oom" or "sigkill-after-stop-timeout".</summary>
    public string? SubCause { get; init; }

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    public IReadOnlyList<string> Fix { get; init; } = [];

    /// <summary>The command that confirms the root cause, with the real identifiers filled in.</summary>
    public string? Confirm { get; init; }

    public IReadOnlyList<EvidenceGap> Missing { get; init; } = [];

    /// <summary>Pictures of the evidence (empty when the mode has none or its data could not be read).</summary>
    public IReadOnlyList<Chart> Charts { get; init; } = [];

    /// <summary>A verdict of <paramref name="playbook"/>, named and titled as the playbook is.</summary>
    public static Verdict For(IPlaybook playbook, VerdictStatus status, string rootCause) => new()
    {
        Playbook = playbook.Id,
        Name = playbook.Name,
        Title = playbook.Title,
        Status = status,
        RootCause = rootCause,
    };
}
