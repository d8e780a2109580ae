using System.Text.RegularExpressions;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification;

/// <summary>
/// One signal: a pattern over normalised text (and/or a condition on the exit code) that adds
/// <see cref="Weight"/> of belief to a playbook, or to "none" when <see cref="Playbook"/> is null.
/// </summary>
internal sealed record SignalRule(int? Playbook, double Weight, Regex? Pattern, string Explains)
{
    /// <summary>The fields the rule reads; null means every field.</summary>
    public IReadOnlySet<EvidenceField>? OnlyIn { get; init; }

    /// <summary>The fields the rule ignores.</summary>
    public IReadOnlySet<EvidenceField>? NotIn { get; init; }

    /// <summary>
    /// Playbooks this (usually "none") signal explains away when it matches: a deliberate stop explains a SIGKILL,
    /// a log-driver failure explains the AccessDenied inside it. Their scores are discounted by this rule's weight.
    /// </summary>
    public IReadOnlySet<int>? ExplainsAway { get; init; }

    /// <summary>
    /// For a strong "none" rule: the failure playbooks its match answers for the whole diagnosis, not only within its
    /// own text. A finished batch job (essential container exited 0) is not a crash loop, whatever else ranked one.
    /// </summary>
    public IReadOnlySet<int>? Settles { get; init; }

    /// <summary>
    /// Causes outside the failure modes (by kebab name) that this rule's match rules out of the same text: a pod in
    /// CrashLoopBackOff is a crash loop whatever its readiness probe says, so the probe's words mean nothing more there.
    /// </summary>
    public IReadOnlySet<string>? RulesOutOutside { get; init; }

    /// <summary>
    /// For a "none" rule: the words of a routine step that went well (a pod scheduled, a container started, a service at
    /// steady state). Alone they answer "none"; beside a failure read in the same text they weigh nothing against it, since
    /// a pasted event list (kubectl describe's Events, a service's events) holds the routine lines and the failing one alike.
    /// </summary>
    public bool Routine { get; init; }

    /// <summary>For a "none" rule: the kebab name of the recognised failure outside the failure modes it points to.</summary>
    public string? Outside { get; init; }

    /// <summary>A condition on the container exit code; null means any exit code.</summary>
    public Func<int?, bool>? WhenExitCode { get; init; }

    /// <summary>Named wordings read instead of <see cref="Pattern"/>: the first that matches is the hit, so a list counts once.</summary>
    public IReadOnlyList<Phrase>? Phrases { get; init; }

    /// <summary>One signal made of named phrases, each reviewable on its own line instead of inside one long alternation.</summary>
    public static SignalRule AnyOf(int? playbook, double weight, string explains, params Phrase[] phrases) =>
        new(playbook, weight, null, explains) { Phrases = phrases };

    public SignalHit? TryMatch(string normalizedText, EvidenceField field, int? exitCode)
    {
        if (OnlyIn is not null && !OnlyIn.Contains(field))
        {
            return null;
        }

        if (NotIn is not null && NotIn.Contains(field))
        {
            return null;
        }

        if (WhenExitCode is not null && !WhenExitCode(exitCode))
        {
            return null;
        }

        if (Phrases is not null)
        {
            return Phrases.Select(phrase => phrase.Pattern.Match(normalizedText)).FirstOrDefault(match => match.Success) is { } found
                ? new SignalHit(this, found.Value)
                : null;
        }

        if (Pattern is null)
        {
            return WhenExitCode is null ? null : new SignalHit(this, null);
        }

        var match = Pattern.Match(normalizedText);
        return match.Success ? new SignalHit(this, match.Value) : null;
    }
}

internal sealed record SignalHit(SignalRule Rule, string? Phrase);
