namespace DiagBot.Playbooks.Classification;

/// <summary>
/// Reads a text no rule recognised by its failure modes' symptom concepts (<see cref="SymptomConcept"/>): when exactly one
/// mode's subject and state both appear, that mode is the answer, unsure, with the two words it rested on. Two or more
/// modes read is no answer: the words do not decide between them, and a wrong mode costs more than "none".
/// </summary>
internal sealed class ConceptReader(IReadOnlyList<SymptomConcept> concepts)
{
    /// <summary>
    /// A concept is two families of words, not a rule's message: its answers stay under
    /// <see cref="SymptomClassifier.UnsureBelow"/>, like the learned fallback's, so they say what decides.
    /// </summary>
    public const double AnswerConfidence = 0.55;

    public ConceptReading? Answer(string normalizedText)
    {
        var read = concepts
            .Select(concept => (Concept: concept, Words: concept.Match(normalizedText)))
            .Where(x => x.Words is not null)
            .DistinctBy(x => x.Concept.Playbook)
            .Take(2)
            .ToList();
        return read.Count == 1 ? new ConceptReading(read[0].Concept, read[0].Words!.Value.Subject, read[0].Words!.Value.State) : null;
    }

    public static string Why(ConceptReading reading, EvidenceField field) =>
        $"no rule recognised this {EvidenceFieldNames.ToWireName(field)}; its words name \"{reading.Subject}\" and \"{reading.State}\" together, "
        + $"the symptom of {WhyText.Name(reading.Concept.Playbook)} ({reading.Concept.Reason})";
}

/// <summary>A text read by one mode's symptom concept, with the words that named its subject and its state.</summary>
internal sealed record ConceptReading(SymptomConcept Concept, string Subject, string State);
