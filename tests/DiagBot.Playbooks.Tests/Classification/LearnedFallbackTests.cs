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
    public void Guess_QuotesWordsThatSaySomething_NotTheLittleWordsBetweenThem()
    {
        // "the" and "and" are in every line of playbook 6 here, so they lean to it; quoting them would explain nothing.
        (string, int?)[] lines =
        [
            ("the target and the health check and the target group", 6),
            ("the targets and the health checks fail", 6),
            ("pods pending for cpu", 9),
            ("pod pending, nodes full", 9),
        ];

        var guess = WordModel.Train(lines).Guess("the and the and the target");

        Assert.Equal(6, guess!.Playbook);
        Assert.Contains("target", guess.Words);
        Assert.DoesNotContain(guess.Words, word => word is "the" or "and" or "the and" or "and the");
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
        Assert.Null(new LearnedFallback(model).Answer("the container exited 0, job finished", EvidenceField.SymptomText));
    }

    // Words of both kinds of line (pending for want of cpu, then fine): they lean to playbook 9, between 0.6 and 0.8.
    private static readonly (string, int?)[] PendingThenFine =
    [
        ("pods stuck pending, no node has enough cpu", 9),
        ("pod pending because the nodes are full", 9),
        ("the pods were pending for a while then ran fine", null),
        ("a pending pod finished its job and exited 0", null),
    ];

    [Fact]
    public void Classify_WordsThatLeanTooWeaklyToAnswer_StayNoneAndSayWhichTwoAndWhatDecides()
    {
        var deciders = new Dictionary<int, string> { [9] = "the pod's FailedScheduling events" };
        var sut = new SymptomClassifier([], deciders, new LearnedFallback(WordModel.Train(PendingThenFine)));

        var result = sut.Classify("pod pending, no cpu, then fine", EvidenceField.Log, null);

        Assert.Null(result.Playbook);
        Assert.Equal(0.5, result.Confidence);
        Assert.StartsWith("unsure between none and playbook 9: the pod's FailedScheduling events decides; no failure signal recognised", result.Why,
            StringComparison.Ordinal);
        Assert.Matches(@"closest to playbook 9's lines, too weakly to answer \(probability 0\.[67]\d\)$", result.Why);
    }

    [Fact]
    public void Classify_AnEngineersSentenceLeaningAsMuch_IsAnsweredUnsure()
    {
        // The same lean in a sentence someone wrote is an answer (LearnedFallback.ChatMinimumProbability), still unsure.
        var sut = new SymptomClassifier([], fallback: new LearnedFallback(WordModel.Train(PendingThenFine)));

        var result = sut.Classify("pod pending, no cpu, then fine", EvidenceField.SymptomText, null);

        Assert.Equal(9, result.Playbook);
        Assert.Equal(LearnedFallback.AnswerConfidence, result.Confidence);
        Assert.StartsWith("unsure between playbook 9 and none", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Guess_NoWordSeenInTraining_StillReadsTheLettersItShares()
    {
        // Neither "healthchecks" nor "unhealthily" is a training word, but their letters are those of "health checks" and
        // "unhealthy": an engineer's run-together or misspelt words still resemble the lines they were written for.
        var guess = WordModel.Train(Lines).Guess("healthchecks unhealthily");

        Assert.Equal(6, guess!.Playbook);
        Assert.Empty(guess.Words); // no word of the text is a training word, so the why quotes none, never a run of letters
    }

    [Fact]
    public void Why_QuotesWholeWordsOnly()
    {
        var sut = new SymptomClassifier([], fallback: new LearnedFallback(WordModel.Train(Lines)));

        var result = sut.Classify("the target group health checks keep failing again", EvidenceField.SymptomText, null);

        Assert.Equal(6, result.Playbook);
        Assert.DoesNotContain("#", result.Why, StringComparison.Ordinal);
        Assert.Matches(@"\(probability (0\.[89]\d|1\.00)\)$", result.Why);
    }

    [Fact]
    public void Why_AGuessRestingOnLettersAlone_SaysSoInsteadOfQuotingNothing()
    {
        var guess = new WordGuess(6, 0.9, []);

        Assert.Contains("finds the letters of its words most like playbook 6's lines (probability 0.90)",
            LearnedFallback.Why(guess, EvidenceField.SymptomText), StringComparison.Ordinal);
        Assert.Contains("finds the letters of its words closest to playbook 6's lines, too weakly to answer",
            LearnedFallback.WhyLean(guess with { Probability = 0.6 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TheSameLinesTwice_AnswersTheSame()
    {
        // Seeded: a restarted bot gives an engineer the same answer, with the same probability and words, as before.
        var first = WordModel.Train(Lines).Guess("pods pending, the target group is fine");
        var second = WordModel.Train(Lines).Guess("pods pending, the target group is fine");

        Assert.Equal(first!.Playbook, second!.Playbook);
        Assert.Equal(first.Probability, second.Probability);
        Assert.Equal(first.Words, second.Words);
    }

    [Fact]
    public void TrainingCorpus_IsEmbeddedWithEveryTrainingLine()
    {
        var lines = TrainingCorpus.Lines().ToList();

        Assert.Equal(CorpusLine.Load("triage-corpus.jsonl").Count, lines.Count);
        Assert.True(TrainingCorpus.Model.Vocabulary > 1000, $"vocabulary {TrainingCorpus.Model.Vocabulary}");
    }
}
