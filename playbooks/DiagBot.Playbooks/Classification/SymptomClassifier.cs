namespace DiagBot.Playbooks.Classification;

/// <summary>
/// Reads one piece of evidence text (a stoppedReason, an event, a log line, a sentence) and says which of the
/// fifteen failure modes it points to. Each signal that matches adds its weight to its playbook (or to "none")
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

    private readonly IReadOnlyList<SignalRule> _rules;

    public SymptomClassifier()
        : this(SignalCatalog.All)
    {
    }

    internal SymptomClassifier(IReadOnlyList<SignalRule> rules) => _rules = rules;

    public TextClassification Classify(string text, EvidenceField field, int? exitCode)
    {
        var reading = Read(text, field, exitCode);
        var best = reading.Candidates.Count > 0 ? reading.Candidates[0] : null;

        if (reading.None.Score > 0 && (best is null || reading.None.Score >= best.Score))
        {
            var confidence = reading.None.Score * (1 - (best?.Score ?? 0) / 2);
            var runnerUpOfNone = best is not null && best.Score >= RunnerUpWorthNaming ? best : null;
            return new TextClassification(null, Round(confidence), WhyText.For(reading.None, field, runnerUpOfNone));
        }

        if (best is null)
        {
            return new TextClassification(null, NothingRecognisedConfidence, WhyText.NothingRecognised(field, exitCode));
        }

        var runnerUp = reading.Candidates.Count > 1 && reading.Candidates[1].Score >= RunnerUpWorthNaming ? reading.Candidates[1] : null;
        return new TextClassification(best.Playbook, Round(best.Score * (1 - reading.None.Score / 2)), WhyText.For(best, field, runnerUp));
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

        var candidates = hits
            .Where(h => h.Rule.Playbook is not null)
            .GroupBy(h => h.Rule.Playbook)
            .Select(g => Candidate.From(g.Key, g).ExplainedAwayBy(hits))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Playbook)
            .ToList();

        return new Reading(candidates, Candidate.From(null, hits.Where(h => h.Rule.Playbook is null)));
    }

    private static double Round(double value) => Math.Round(Math.Clamp(value, 0, 1), 2);

    private sealed record Reading(IReadOnlyList<Candidate> Candidates, Candidate None);
}
