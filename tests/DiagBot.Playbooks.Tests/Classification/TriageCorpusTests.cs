using DiagBot.Playbooks.Classification;
using Xunit.Abstractions;

namespace DiagBot.Playbooks.Tests.Classification;

public sealed class TriageCorpusTests(ITestOutputHelper output)
{
    // Issue 19: at least 97 % top-1 on the lines the rules are tuned against.
    private const double TuningFloor = 0.97;

    // The held-out file was split off before any rule was written and is not tuned against; its floor only
    // catches a classifier that broke, the figure itself is what gets reported.
    private const double HoldoutBreakageFloor = 0.60;

    private const int MinimumLines = 600;
    private const int MinimumNoneLines = 120;
    private const int MinimumTuningLinesPerMode = 20;

    // Issue 19: at most one false alarm in 25 look-alikes.
    private const int FalseAlarmsPer = 25;

    private const int MinimumAnswersToJudgeABand = 10;

    [Fact]
    public void Classify_TuningCorpus_MeetsAccuracyFloor()
    {
        var score = CorpusScore.Of(CorpusLine.Load("triage-corpus.jsonl"), CreateSut());
        output.WriteLine(score.Describe("tuning corpus"));

        Assert.True(score.Accuracy >= TuningFloor, score.Describe("tuning corpus"));
    }

    [Fact]
    public void Classify_HoldoutCorpus_ReportsAccuracy()
    {
        var score = CorpusScore.Of(CorpusLine.Load("triage-holdout.jsonl"), CreateSut());
        output.WriteLine(score.Describe("holdout corpus"));

        Assert.True(score.Accuracy >= HoldoutBreakageFloor, score.Describe("holdout corpus"));
    }

    /// <summary>
    /// Issue 19's "Done means": the corpus tests report the unseen-batch figure. It is read from the answers each batch's
    /// lines recorded when the batch was first scored, so it cannot drift as rules are written for the batch afterwards.
    /// </summary>
    [Fact]
    public void Corpus_UnseenBatches_ReportTheirFigureWhenFirstScored()
    {
        var tuning = CorpusLine.Load("triage-corpus.jsonl");
        var holdout = CorpusLine.Load("triage-holdout.jsonl");
        var pending = CorpusLine.Load(UnseenBatch.PendingFile);
        var batches = UnseenBatch.From([.. tuning, .. pending], holdout);
        var sut = CreateSut();
        foreach (var batch in batches)
        {
            output.WriteLine(batch.Describe(sut));
        }

        Assert.NotEmpty(batches);
        Assert.All(tuning.Concat(holdout), line => Assert.True((line.Batch is null) == (line.FirstAnswer is null),
            $"line {line.LineNumber}: a batch line records the answer it got when first scored, and only batch lines do"));
        Assert.All(pending, line => Assert.True(line.Batch is not null && line.FirstAnswer is not null,
            $"{UnseenBatch.PendingFile} line {line.LineNumber}: a line waiting for its rules was scored blind first"));
        var labels = PlaybookCatalog.Modes.Select(mode => mode.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("none").ToHashSet();
        Assert.All(batches.SelectMany(batch => batch.Lines), line =>
            Assert.True(labels.Contains(line.FirstAnswer!), $"line {line.LineNumber}: first answer {line.FirstAnswer} is neither none nor a playbook"));
        Assert.All(batches, batch => Assert.True(batch.HeldOut > 0, $"batch {batch.Number}: no line was split off into the hold-out"));
    }

    [Fact]
    public void Corpus_EveryLine_HasSourceAndEnoughNoneLines()
    {
        var lines = CorpusLine.Load("triage-corpus.jsonl").Concat(CorpusLine.Load("triage-holdout.jsonl")).ToList();

        Assert.True(lines.Count >= MinimumLines, $"corpus has {lines.Count} lines, issue 19 asks for {MinimumLines}");
        Assert.True(lines.Count(l => l.Expected is null) >= MinimumNoneLines, $"at least {MinimumNoneLines} look-alikes and failures outside the fifteen");
        Assert.All(lines, l => Assert.StartsWith("https://", l.Source, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Expected is null || PlaybookCatalog.Modes.Any(m => m.Number == l.Expected), $"line {l.LineNumber}: expected out of range"));
    }

    [Fact]
    public void Corpus_TuningFile_HasTwentyLinesForEveryMode()
    {
        var counts = CorpusLine.Load("triage-corpus.jsonl").Where(l => l.Expected is not null).CountBy(l => l.Expected!.Value).ToDictionary();

        var thin = PlaybookCatalog.Modes.Where(mode => counts.GetValueOrDefault(mode.Number) < MinimumTuningLinesPerMode).Select(mode => $"{mode.Number} {mode.Name}").ToList();

        Assert.True(thin.Count == 0, $"modes with fewer than {MinimumTuningLinesPerMode} tuning lines: {string.Join(", ", thin)}");
    }

    [Fact]
    public void Classify_LookAlikes_RaiseAtMostOneFalseAlarmInTwentyFive()
    {
        var lookAlikes = CorpusLine.Load("triage-corpus.jsonl").Where(l => l.Expected is null).ToList();
        var sut = CreateSut();

        var alarms = lookAlikes.Where(l => sut.Classify(l.Text, l.Field, l.ExitCode).Playbook is not null).ToList();
        output.WriteLine($"false alarms: {alarms.Count}/{lookAlikes.Count}");

        Assert.True(alarms.Count * FalseAlarmsPer <= lookAlikes.Count, string.Join(Environment.NewLine, alarms.Select(l => $"line {l.LineNumber}: {l.Text}")));
    }

    [Fact]
    public void Classify_BothCorpora_ConfidenceIsCalibrated()
    {
        output.WriteLine("hold-out alone:" + Environment.NewLine + ConfidenceBands.Of(CorpusLine.Load("triage-holdout.jsonl"), CreateSut()).Describe());
        var table = ConfidenceBands.Of([.. CorpusLine.Load("triage-corpus.jsonl"), .. CorpusLine.Load("triage-holdout.jsonl")], CreateSut());
        output.WriteLine("both files:" + Environment.NewLine + table.Describe());

        // Each band with enough answers to judge is right at least as often as its lower edge says.
        Assert.All(table.Bands.Where(band => band.Answers >= MinimumAnswersToJudgeABand && band.Low > 0), band =>
            Assert.True(band.ShareRight >= band.Low, band.Describe()));
    }

    private static ISymptomClassifier CreateSut() => CorpusAnswers.Shared;
}
