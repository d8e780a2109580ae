using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Classification.Learned;
using DiagBot.Playbooks.Classification.Signals;

namespace DiagBot.Playbooks.Tests.Classification;

public sealed class LearnedFallbackTests
{
    private static readonly (string Text, int? Playbook)[] Lines =
    [
        ("targets in the target group keep failing health checks", 6),
        ("target group health checks fail and targets go unhealthy", 6),
        ("the health check path returns 404 so the target group marks it unhealthy", 6),
        ("pods stuck pending, no node has enough cpu", 9),
        ("pod pending because the nodes are full", 9),
        ("the job finished and the container exited 0", null),
    ];

    [Fact]
    public void Classify_NoRuleReadsTheWords_AnswersTheFallbacksGuessAsUnsureNamingTheWords()
    {
        var sut = new SymptomClassifier([], new Dictionary<int, string> { [6] = "the target health" }, new LearnedFallback(WordModel.Train(Lines)));

        var result = sut.Classify("my target group health checks keep failing", EvidenceField.SymptomText, null);

        Assert.Equal(6, result.Playbook);
        Assert.Equal(LearnedFallback.AnswerConfidence, result.Confidence);
        Assert.StartsWith("unsure between playbook 6 and none: the target health decides;", result.Why, StringComparison.Ordinal);
        Assert.Contains("learned fallback", result.Why, StringComparison.Ordinal);
        // The words it rested on are words of the text that playbook 6's lines share, quoted.
        Assert.Matches("finds its words \"(target|group|health|checks|keep|failing)[a-z ]*\"", result.Why);
    }

    [Fact]
    public void Classify_WordsNeverSeenInTraining_StaysNothingRecognised()
    {
        var sut = new SymptomClassifier([], fallback: new LearnedFallback(WordModel.Train(Lines)));

        var result = sut.Classify("lorem ipsum dolor", EvidenceField.SymptomText, null);

        Assert.Null(result.Playbook);
        Assert.Equal(0.5, result.Confidence);
        Assert.DoesNotContain("learned fallback", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TextANoneRuleReads_IsNotAskedOfTheFallback()
    {
        // "has reached a steady state" is a "none" rule of a healthy service: a rule read the text, so the model, which
        // would lean to playbook 6 on "target group health checks", is never asked.
        var sut = new SymptomClassifier(NormalLifecycleSignals.Rules, fallback: new LearnedFallback(WordModel.Train(Lines)));

        var result = sut.Classify("service web has reached a steady state after target group health checks", EvidenceField.ServiceEvent, null);

        Assert.Null(result.Playbook);
        Assert.DoesNotContain("learned fallback", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Guess_ALookAlikesWords_GuessesNoneAndTheFallbackDoesNotAnswer()
    {
        var model = WordModel.Train(Lines);

        Assert.Null(model.Guess("the container exited 0, job finished")!.Playbook);
        Assert.Null(new LearnedFallback(model).Answer("the container exited 0, job finished"));
    }

    [Fact]
    public void TrainingCorpus_IsEmbeddedWithEveryTrainingLine()
    {
        var lines = TrainingCorpus.Lines().ToList();

        Assert.Equal(CorpusLine.Load("triage-corpus.jsonl").Count, lines.Count);
        Assert.True(TrainingCorpus.Model.Vocabulary > 1000, $"vocabulary {TrainingCorpus.Model.Vocabulary}");
    }
}
