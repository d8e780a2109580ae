namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// The learned fallback's reading of a text: the label it finds likeliest (a playbook, or null for "none"), its
/// probability, and the features of the text that weigh most toward that label, for the answer's <c>why</c>.
/// </summary>
internal sealed record WordGuess(int? Playbook, double Probability, IReadOnlyList<string> Words);
