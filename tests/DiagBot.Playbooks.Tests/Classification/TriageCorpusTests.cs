using DiagBot.Playbooks.Classification;
using Xunit.Abstractions;

namespace DiagBot.Playbooks.Tests.Classification;

public sealed class TriageCorpusTests(ITestOutputHelper output)
{
    private const double TuningFloor = 0.90;

    // The rules were written against the tuning file's first 274 lines; batch 7 (issue 19) was appended after and is
    // scored, not yet enforced, until the rules are tuned for it (tests/corpus/README.md has its before-figures).
    private const int LinesTunedAgainst = 274;

    // The held-out file was split off before any rule was written and is not tuned against; its floor only
    // catches a classifier that broke, the figure itself is what gets reported.
    private const double HoldoutBreakageFloor = 0.60;

    private const int MinimumLines = 600;
    private const int MinimumNoneLines = 120;
    private const int MinimumTuningLinesPerMode = 20;
    private const int ModeCount = 15;

    [Fact]
    public void Classify_TuningCorpus_MeetsAccuracyFloor()
    {
        var lines = CorpusLine.Load("triage-corpus.jsonl");
        var tuned = CorpusScore.Of(lines.Take(LinesTunedAgainst).ToList(), CreateSut());
        output.WriteLine(CorpusScore.Of(lines, CreateSut()).Describe("whole tuning corpus"));

        Assert.True(tuned.Accuracy >= TuningFloor, tuned.Describe("tuning corpus, lines the rules were written against"));
    }

    [Fact]
    public void Classify_HoldoutCorpus_ReportsAccuracy()
    {
        var score = CorpusScore.Of(CorpusLine.Load("triage-holdout.jsonl"), CreateSut());
        output.WriteLine(score.Describe("holdout corpus"));

        Assert.True(score.Accuracy >= HoldoutBreakageFloor, score.Describe("holdout corpus"));
    }

    [Fact]
    public void Corpus_EveryLine_HasSourceAndEnoughNoneLines()
    {
        var lines = CorpusLine.Load("triage-corpus.jsonl").Concat(CorpusLine.Load("triage-holdout.jsonl")).ToList();

        Assert.True(lines.Count >= MinimumLines, $"corpus has {lines.Count} lines, issue 19 asks for {MinimumLines}");
        Assert.True(lines.Count(l => l.Expected is null) >= MinimumNoneLines, $"at least {MinimumNoneLines} look-alikes and failures outside the fifteen");
        Assert.All(lines, l => Assert.StartsWith("https://", l.Source, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Expected is null or (>= 1 and <= ModeCount), $"line {l.LineNumber}: expected out of range"));
    }

    [Fact]
    public void Corpus_TuningFile_HasTwentyLinesForEveryMode()
    {
        var counts = CorpusLine.Load("triage-corpus.jsonl").Where(l => l.Expected is not null).CountBy(l => l.Expected!.Value).ToDictionary();

        var thin = Enumerable.Range(1, ModeCount).Where(mode => counts.GetValueOrDefault(mode) < MinimumTuningLinesPerMode).ToList();

        Assert.True(thin.Count == 0, $"modes with fewer than {MinimumTuningLinesPerMode} tuning lines: {string.Join(", ", thin)}");
    }

    private static SymptomClassifier CreateSut() => new();
}
