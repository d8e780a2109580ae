using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Classification.Signals;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// Where no rule read a text, a failure mode's symptom concept (a subject and a state, both named) may answer, unsure and
/// naming the two words it rested on; two modes read, or half a concept, is no answer (issue 19).
/// </summary>
public sealed class ConceptReaderTests
{
    private static SymptomClassifier ConceptsOnly(IReadOnlyList<SignalRule>? rules = null) =>
        new(rules ?? [], SignalCatalog.Deciders, concepts: SignalCatalog.Concepts);

    [Fact]
    public void Classify_SubjectAndStateOfOneMode_AnswersItUnsureNamingBothWords()
    {
        var result = ConceptsOnly().Classify("Worker Service getting permission errors when reading from its own queue", EvidenceField.SymptomText, null);

        Assert.Equal(AppAccessDenied.Number, result.Playbook);
        Assert.Equal(ConceptReader.AnswerConfidence, result.Confidence);
        Assert.StartsWith($"unsure between playbook {AppAccessDenied.Number} and none: ", result.Why, StringComparison.Ordinal);
        Assert.Contains("its words name \"queue\" and \"permission errors\" together", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_OnlyTheSubject_IsNothingRecognised()
    {
        var result = ConceptsOnly().Classify("we moved the target group behind a new listener yesterday", EvidenceField.SymptomText, null);

        Assert.Null(result.Playbook);
        Assert.Equal(0.5, result.Confidence);
        Assert.DoesNotContain("its words name", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TwoModesConceptsRead_AnswersNeither()
    {
        // Targets "unhealthy" is playbook 6, tasks that "kept restarting ... over and over" playbook 8: the words do not decide.
        var result = ConceptsOnly().Classify("targets unhealthy and the tasks kept restarting over and over", EvidenceField.SymptomText, null);

        Assert.Null(result.Playbook);
    }

    [Fact]
    public void Classify_TextANoneRuleReads_IsNotAskedOfTheConcepts()
    {
        // "has reached a steady state" is a healthy service's event; the health check words beside it are no symptom.
        var result = ConceptsOnly(NormalLifecycleSignals.Rules)
            .Classify("service web has reached a steady state; target group health checks fail less now", EvidenceField.ServiceEvent, null);

        Assert.Null(result.Playbook);
        Assert.DoesNotContain("its words name", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Concepts_EveryFailureMode_HasOneWithBothFamilies()
    {
        Assert.Equal(FailureModeCatalog.Modes.Select(mode => mode.Number), SignalCatalog.Concepts.Select(concept => concept.Playbook));
        Assert.All(SignalCatalog.Concepts, concept =>
        {
            Assert.NotEmpty(concept.Subjects);
            Assert.NotEmpty(concept.States);
            Assert.False(string.IsNullOrWhiteSpace(concept.Reason));
        });
    }
}
