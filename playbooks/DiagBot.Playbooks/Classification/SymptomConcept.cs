using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification;

/// <summary>
/// A failure mode's symptom as two meaning families that must both appear in a text: what is affected (targets, pods, an
/// image pull) and what happens to it (unhealthy, pending, denied). Engineers tell a symptom in their own words, and a
/// phrase reads only the wording it was written for; a family of subjects beside a family of states reads the symptom
/// however it is ordered or phrased. Asked only when no rule read the text (<see cref="ConceptReader"/>).
/// </summary>
/// <param name="Reason">Why these two families mean the mode, in a few words (the answer's <c>why</c> carries it).</param>
internal sealed record SymptomConcept(int Playbook, IReadOnlyList<Phrase> Subjects, IReadOnlyList<Phrase> States, string Reason)
{
    /// <summary>The words of the text that named a subject and a state, or null unless both families appear.</summary>
    public (string Subject, string State)? Match(string normalizedText)
    {
        var subject = First(Subjects, normalizedText);
        var state = subject is null ? null : First(States, normalizedText);
        return subject is null || state is null ? null : (subject, state);
    }

    private static string? First(IReadOnlyList<Phrase> family, string text) =>
        family.Select(phrase => phrase.Pattern.Match(text)).FirstOrDefault(match => match.Success)?.Value;
}
