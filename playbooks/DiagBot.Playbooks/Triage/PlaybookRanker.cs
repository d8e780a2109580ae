using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Triage;

/// <summary>Ranks the playbooks from the first facts: each fact is classified, each playbook keeps its best score.</summary>
public sealed class PlaybookRanker(ISymptomClassifier classifier, IReadOnlyList<IPlaybook> playbooks)
{
    public const int MaxPlaybooksRun = 3;

    /// <summary>The ranked playbooks worth running, best first: at most <see cref="MaxPlaybooksRun"/>, none below <see cref="MinimumScore"/>.</summary>
    public static IEnumerable<RankedPlaybook> ToRun(IEnumerable<RankedPlaybook> ranking) =>
        ranking.Where(ranked => ranked.Score >= MinimumScore).Take(MaxPlaybooksRun);

    /// <summary>Below this a playbook is a guess not worth an API call.</summary>
    public const double MinimumScore = 0.3;

    // An exit 137 always deserves playbook 7's look, if only to say it was a SIGKILL and not memory.
    private const double ExitCode137Floor = 0.5;

    public IReadOnlyList<RankedPlaybook> Rank(IEnumerable<TriageFact> facts)
    {
        var best = new Dictionary<int, (double Score, string Why)>();
        var settled = new Dictionary<int, (double Confidence, string Why)>();
        foreach (var fact in facts)
        {
            if (fact.Hint is { } hint)
            {
                Keep(best, hint.Playbook, hint.Score, $"{fact.Source}: {hint.Why}");
            }

            if (fact.Text.Length == 0 && fact.ExitCode is null)
            {
                continue;
            }

            if (classifier.Settles(fact.Text, fact.Field, fact.ExitCode) is { } answered)
            {
                foreach (var id in answered.Playbooks.Where(id => !settled.TryGetValue(id, out var known) || answered.Confidence > known.Confidence))
                {
                    settled[id] = (answered.Confidence, $"{fact.Source}: {answered.Why}");
                }
            }

            foreach (var candidate in classifier.Rank(fact.Text, fact.Field, fact.ExitCode))
            {
                if (candidate.Playbook is int id)
                {
                    Keep(best, id, candidate.Confidence, $"{fact.Source}: {candidate.Why}");
                }
            }

            if (fact.ExitCode == ExitCodes.SigKill)
            {
                Keep(best, TaskOutOfMemory.Number, ExitCode137Floor, $"{fact.Source}: exit code 137 (SIGKILL)");
            }
        }

        // A strong "none" (a job that finished, a stop on purpose) answers the failures it explains: they are discounted,
        // stay listed (below MinimumScore they are not run) and say why, so the ranking shows what triage set aside.
        var setAside = new HashSet<int>();
        foreach (var (id, answer) in settled.Where(s => best.TryGetValue(s.Key, out var ranked) && ranked.Score >= MinimumScore))
        {
            var (score, why) = best[id];
            best[id] = (Math.Round(score * (1 - answer.Confidence), 2), $"{why}; discounted, because {answer.Why}");
            setAside.Add(id);
        }

        return best
            .Where(entry => entry.Value.Score >= MinimumScore || setAside.Contains(entry.Key))
            .Select(entry => (Playbook: playbooks.FirstOrDefault(p => p.Id == entry.Key), entry.Value))
            .Where(entry => entry.Playbook is not null)
            .Select(entry => new RankedPlaybook(entry.Playbook!, entry.Value.Score, entry.Value.Why))
            .OrderByDescending(ranked => ranked.Score)
            .ThenBy(ranked => ranked.Playbook.Id)
            .ToList();
    }

    /// <summary>
    /// The ranking of an engineer's words alone. Where no rule read them at all, the one unsure answer triage gives them
    /// (the learned fallback's, its why saying so and what it rested on) is the ranking, as
    /// <c>triage --jsonl</c> answers the same words.
    /// </summary>
    public IReadOnlyList<RankedPlaybook> RankWords(TriageFact words)
    {
        var ranking = Rank([words]);
        if (ranking.Count > 0 || classifier.Rank(words.Text, words.Field, words.ExitCode).Count > 0)
        {
            return ranking;
        }

        var unsure = classifier.Classify(words.Text, words.Field, words.ExitCode);
        return unsure.Playbook is int id && playbooks.FirstOrDefault(p => p.Id == id) is { } playbook
            ? [new RankedPlaybook(playbook, unsure.Confidence, $"{words.Source}: {unsure.Why}")]
            : ranking;
    }

    /// <summary>The recognised failures outside the failure modes that the facts name, each once, in the order first seen.</summary>
    public IReadOnlyList<string> Outside(IEnumerable<TriageFact> facts) =>
        [.. facts.Where(fact => fact.Text.Length > 0).SelectMany(fact => classifier.OutsideFailures(fact.Text, fact.Field, fact.ExitCode)).Distinct()];

    private static void Keep(Dictionary<int, (double Score, string Why)> best, int id, double score, string why)
    {
        if (!best.TryGetValue(id, out var current) || score > current.Score)
        {
            best[id] = (score, why);
        }
    }
}
