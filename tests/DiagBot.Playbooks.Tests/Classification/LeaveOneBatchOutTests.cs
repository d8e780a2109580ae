using System.Globalization;
using DiagBot.Playbooks.Classification.Learned;
using Xunit.Abstractions;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// Issue 19 asks for an honest unseen figure. The rules' is each batch's recorded first answer; the learned fallback's is
/// measured leave-one-batch-out: for each batch, a model trained on the training file without that batch's lines answers
/// where the rules first answered "none", and the batch is scored as if it had been unseen by both. (Batch 15's first
/// answers include three from the symptom concepts, taken out since; docs/triage.md measures the batch without them.)
/// </summary>
// Slow tier: its subject grows with the corpus, the fallback trained once per blind batch (ten so far, one more with each).
[Trait("Tier", "Slow")]
public sealed class LeaveOneBatchOutTests(ITestOutputHelper output)
{
    // Issue 19: at most one false alarm in 25 look-alikes, here counted on what the fallback adds.
    private const int FalseAlarmsPer = 25;

    [Fact]
    public void Corpus_LeaveOneBatchOut_FallbackAnswersAreRightAndRaiseFewFalseAlarms()
    {
        var tuning = CorpusLine.Load("triage-corpus.jsonl");
        var batches = UnseenBatch.From([.. tuning, .. CorpusLine.Load(UnseenBatch.PendingFile)], CorpusLine.Load("triage-holdout.jsonl"));
        var (answered, right, lookAlikes, addedAlarms) = (0, 0, 0, 0);
        foreach (var batch in batches)
        {
            var fallback = new LearnedFallback(WordModel.Train(tuning.Where(line => line.Batch != batch.Number).Select(line => (line.Text, line.Expected))));
            var learned = batch.Lines.ToDictionary(line => line, line => FallbackAnswer(fallback, line));
            var withFallback = UnseenBatch.Figure.Of(batch.Lines, line => learned[line] ?? line.FirstAnswer);
            output.WriteLine($"batch {batch.Number}: rules when first scored {batch.WhenFirstScored.Describe()}; "
                + $"with the fallback trained without this batch {withFallback.Describe()}");

            var guessed = batch.Lines.Where(line => learned[line] is not null).ToList();
            answered += guessed.Count;
            right += guessed.Count(line => learned[line] == line.ExpectedName);
            lookAlikes += batch.WhenFirstScored.LookAlikes;
            addedAlarms += withFallback.FalseAlarms - batch.WhenFirstScored.FalseAlarms;
        }

        output.WriteLine($"fallback answers {right}/{answered} right; false alarms added {addedAlarms} on {lookAlikes} look-alikes");
        Assert.NotEmpty(batches);
        Assert.True(right >= answered * LearnedFallback.AnswerConfidence, $"the unsure answers are right {right}/{answered}, under their confidence");
        Assert.True(addedAlarms * FalseAlarmsPer <= lookAlikes, $"the fallback called {addedAlarms} of {lookAlikes} look-alikes a failure");
    }

    // Only where the rules answered "none": a look-alike a "none" rule recognised counts as asked too, which makes the
    // measured false alarms an upper bound (triage never asks the fallback about a text a "none" rule read).
    private static string? FallbackAnswer(LearnedFallback fallback, CorpusLine line) =>
        line.FirstAnswer == "none" && fallback.Answer(line.Text, line.Field) is { } guess
            ? guess.Playbook?.ToString(CultureInfo.InvariantCulture)
            : null;
}
