using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>Below the calibrated confidence, triage names the two readings it is between and the one read that decides (issue 19).</summary>
public sealed class UnsureAnswerTests
{
    [Fact]
    public void Classify_WeakSingleReading_SaysItIsBetweenThatModeAndNoneAndWhatDecides()
    {
        // A pod's phase "Error" says a container ended in error, and nothing of why: a crash loop is one reading of several.
        var result = new SymptomClassifier().Classify("Error", EvidenceField.PodStatus, null);

        Assert.Equal(CrashLoop.Number, result.Playbook);
        Assert.True(result.Confidence < SymptomClassifier.UnsureBelow, $"confidence {result.Confidence}");
        Assert.StartsWith($"unsure between playbook {CrashLoop.Number} and none: ", result.Why, StringComparison.Ordinal);
        Assert.Contains("aws ecs list-tasks --desired-status STOPPED", result.Why, StringComparison.Ordinal);
        Assert.Contains("podStatus says \"error\"", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ConfidentReading_IsNotHedged()
    {
        var result = new SymptomClassifier().Classify("OutOfMemoryError: Container killed due to memory usage", EvidenceField.ContainerReason, 137);

        Assert.True(result.Confidence >= SymptomClassifier.UnsureBelow);
        Assert.DoesNotContain("unsure", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Deciders_EveryFailureMode_HasOne()
    {
        Assert.Equal(FailureModeCatalog.Modes.Select(mode => mode.Number), SignalCatalog.Deciders.Keys.Order());
        Assert.All(SignalCatalog.Deciders.Values, decider => Assert.False(string.IsNullOrWhiteSpace(decider)));
    }
}
