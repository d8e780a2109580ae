using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>Below the calibrated confidence, triage names the two readings it is between and the one read that decides (issue 19).</summary>
public sealed class UnsureAnswerTests
{
    [Fact]
    public void Classify_WeakSingleReading_SaysItIsBetweenThatModeAndNoneAndWhatDecides()
    {
        var result = new SymptomClassifier().Classify("ECS_OPERATION_THROTTLED", EvidenceField.ServiceEvent, null);

        Assert.Equal(DeployStuck.Number, result.Playbook);
        Assert.True(result.Confidence < SymptomClassifier.UnsureBelow, $"confidence {result.Confidence}");
        Assert.StartsWith($"unsure between playbook {DeployStuck.Number} and none: ", result.Why, StringComparison.Ordinal);
        Assert.Contains("aws ecs describe-services", result.Why, StringComparison.Ordinal);
        Assert.Contains("\"ecs_operation_throttled\"", result.Why, StringComparison.Ordinal);
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
