using DiagBot.Playbooks.Classification.Learned;

namespace DiagBot.Playbooks.Classification;

/// <summary>
/// Reads one piece of evidence text (a stoppedReason, an event, a log line, a sentence) and says which of the
/// failure modes it points to. Each signal that matches adds its weight to its playbook (or to "none")
/// by noisy-OR, so two independent signals strengthen each other without passing 1. "None" wins when its
/// evidence is at least as strong as the best playbook's: a finished job or a user's stop is an answer.
/// </summary>
public sealed class SymptomClassifier : ISymptomClassifier
{
    private const double MinimumRankScore = 0.05;
    private const double NothingRecognisedConfidence = 0.5;
    private const double RunnerUpWorthNaming = 0.3;

    // A "none" this sure answers for the other facts of the same diagnosis too.
    private const double StrongNone = 0.85;

    /// <summary>
    /// Below this confidence the answer says which two readings it is between and what decides them. Calibrated on the
    /// tuning corpus (docs/triage.md): answers at or above it are right far more often than those under it.
    /// </summary>
    public const double UnsureBelow = 0.6;

    private static readonly Candidate NothingRead = new(null, NothingRecognisedConfidence, []);

    private readonly IReadOnlyList<SignalRule> _rules;
    private readonly IReadOnlyDictionary<int, string> _deciders;
    // Asked for only when no rule read a text (triage, or a diagnosis of free text alone), so it trains on first such use.
    private readonly Func<LearnedFallback?> _fallback;

    public SymptomClassifier()
        : this(SignalCatalog.All, SignalCatalog.Deciders)
    {
        _fallback = () => LearnedFallback.Default;
    }

    internal SymptomClassifier(
        IReadOnlyList<SignalRule> rules,
        IReadOnlyDictionary<int, string>? deciders = null,
        LearnedFallback? fallback = null)
    {
        _rules = rules;
        _deciders = deciders ?? new Dictionary<int, string>();
        _fallback = () => fallback;
    }

    public TextClassification Classify(string text, EvidenceField field, int? exitCode)
    {
        var reading = Read(text, field, exitCode);
        var best = reading.Candidates.Count > 0 ? reading.Candidates[0] : null;

        if (reading.None.Score > 0 && (best is null || reading.None.Score >= best.Score))
        {
            var confidence = Round(reading.None.Score * (1 - (best?.Score ?? 0) / 2));
            var runnerUpOfNone = best is not null && best.Score >= RunnerUpWorthNaming ? best : null;
            return new TextClassification(null, confidence, Unsure(confidence, reading.None, runnerUpOfNone) + WhyText.For(reading.None, field, runnerUpOfNone));
        }

        if (best is null)
        {
            // No rule, not even a "none" rule, read anything: the learned fallback may still know the words. (Issue 19: the
            // symptom concepts that were asked before it were taken out after batch 15, docs/triage.md.)
            var guess = _fallback()?.Read(text);
            if (guess is not null && LearnedFallback.Answers(guess, field))
            {
                var guessed = new Candidate(guess.Playbook, LearnedFallback.AnswerConfidence, []);
                return new TextClassification(guess.Playbook, LearnedFallback.AnswerConfidence,
                    Unsure(LearnedFallback.AnswerConfidence, guessed, runnerUp: null) + LearnedFallback.Why(guess, field));
            }

            // Too weak to answer, a lean still says which two the answer is between and what decides (issue 19).
            var nothing = WhyText.NothingRecognised(field, exitCode);
            return guess is null
                ? new TextClassification(null, NothingRecognisedConfidence, nothing)
                : new TextClassification(null, NothingRecognisedConfidence,
                    Unsure(NothingRecognisedConfidence, NothingRead, new Candidate(guess.Playbook, guess.Probability, []))
                    + nothing + "; " + LearnedFallback.WhyLean(guess));
        }

        var runnerUp = reading.Candidates.Count > 1 && reading.Candidates[1].Score >= RunnerUpWorthNaming
            ? reading.Candidates[1]
            : reading.None.Score >= RunnerUpWorthNaming ? reading.None : null;
        var sure = Round(best.Score * (1 - reading.None.Score / 2));
        return new TextClassification(best.Playbook, sure, Unsure(sure, best, runnerUp) + WhyText.For(best, field, runnerUp));
    }

    // Under the calibrated confidence the answer leads with the two readings it is between and the one read that decides.
    private string Unsure(double confidence, Candidate best, Candidate? runnerUp)
    {
        if (confidence >= UnsureBelow || (best.Playbook is null && runnerUp is null))
        {
            return string.Empty;
        }

        var decider = best.Playbook is { } playbook && _deciders.TryGetValue(playbook, out var own) ? own
            : runnerUp?.Playbook is { } other && _deciders.TryGetValue(other, out var theirs) ? theirs
            : null;
        // With a single weak reading the other side is that no failure mode is at work.
        var between = $"{WhyText.Name(best.Playbook)} and {WhyText.Name(runnerUp?.Playbook)}";
        return decider is null ? $"unsure between {between}; " : $"unsure between {between}: {decider} decides; ";
    }

    public IReadOnlyList<TextClassification> Rank(string text, EvidenceField field, int? exitCode)
    {
        var reading = Read(text, field, exitCode);
        return reading.Candidates
            .Select(c => new TextClassification(c.Playbook, Round(c.Score * (1 - reading.None.Score / 2)), WhyText.For(c, field, runnerUp: null)))
            .Where(c => c.Confidence >= MinimumRankScore)
            .ToList();
    }

    public SettledPlaybooks? Settles(string text, EvidenceField field, int? exitCode)
    {
        var reading = Read(text, field, exitCode);
        var settling = reading.None.Hits.Where(h => h.Rule.Settles is not null).ToList();
        var best = reading.Candidates.Count > 0 ? reading.Candidates[0].Score : 0;
        if (settling.Count == 0 || reading.None.Score < StrongNone || reading.None.Score < best)
        {
            return null;
        }

        return new SettledPlaybooks(settling.SelectMany(h => h.Rule.Settles!).ToHashSet(), Round(reading.None.Score), settling[0].Rule.Explains);
    }

    public IReadOnlyList<string> OutsideFailures(string text, EvidenceField field, int? exitCode)
    {
        var reading = Read(text, field, exitCode);
        var best = reading.Candidates.Count > 0 ? reading.Candidates[0].Score : 0;
        if (reading.None.Score == 0 || reading.None.Score < best)
        {
            return [];
        }

        return [.. reading.None.Hits.Select(h => h.Rule.Outside).OfType<string>().Distinct()];
    }

    private Reading Read(string? text, EvidenceField field, int? exitCode)
    {
        var normalized = TextNormalizer.Normalize(text);
        var hits = new List<SignalHit>();
        foreach (var rule in _rules)
        {
            if (rule.TryMatch(normalized, field, exitCode) is { } hit)
            {
                hits.Add(hit);
            }
        }

        var ruledOut = hits.SelectMany(h => h.Rule.RulesOutOutside ?? new HashSet<string>()).ToHashSet(StringComparer.Ordinal);
        hits.RemoveAll(h => h.Rule.Outside is { } outside && ruledOut.Contains(outside));

        var candidates = hits
            .Where(h => h.Rule.Playbook is not null)
            .GroupBy(h => h.Rule.Playbook)
            .Select(g => Candidate.From(g.Key, g).ExplainedAwayBy(hits))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Playbook)
            .ToList();

        var failureHits = hits.Where(h => h.Rule.Playbook is not null).ToList();
        var noneHits = hits.Where(h => h.Rule.Playbook is null
            && !(h.Rule.Routine && failureHits.Count > 0 && failureHits.All(f => !Overlap(normalized, h, f))));
        return new Reading(candidates, Candidate.From(null, noneHits));
    }

    // Routine words that share their place in the text with the failure's ("service_deployment_in_progress") still answer for them.
    private static bool Overlap(string text, SignalHit routine, SignalHit failure) =>
        Span(text, routine) is var (start, end) && Span(text, failure) is var (from, to) && start < to && from < end;

    private static (int Start, int End) Span(string text, SignalHit hit) =>
        hit.Phrase is { Length: > 0 } said && text.IndexOf(said, StringComparison.Ordinal) is >= 0 and var at ? (at, at + said.Length) : (0, 0);

    private static double Round(double value) => Math.Round(Math.Clamp(value, 0, 1), 2);

    private sealed record Reading(IReadOnlyList<Candidate> Candidates, Candidate None);
}
