using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Outside;

/// <summary>
/// A failure outside the catalogue's modes that DiagBot recognises: its wordings, how strongly they mean it and why, the
/// failure modes whose words it explains away, and what to tell the engineer.
/// </summary>
/// <param name="Weight">How much one of its phrases is worth against a failure mode's own words.</param>
/// <param name="WeightReason">Why that weight, in a few words.</param>
internal sealed record OutsideCause(
    string Name,
    string RootCause,
    IReadOnlyList<string> Fix,
    Func<OutsideContext, string> Confirm,
    IReadOnlyList<Phrase> Phrases,
    double Weight,
    string WeightReason)
{
    /// <summary>Failure modes whose words appear inside this cause's messages and mean nothing more there.</summary>
    public IReadOnlySet<int> ExplainsAway { get; init; } = new HashSet<int>();

    /// <summary>The fields its phrases are read in; null means every field.</summary>
    public IReadOnlySet<EvidenceField>? OnlyIn { get; init; }

    public IEnumerable<SignalRule> Rules() => Phrases.Select(phrase => new SignalRule(
        null, Weight, phrase.Pattern, $"{phrase.Name}: {Name}, outside the {PlaybookCatalog.CountInWords} failure modes ({WeightReason})")
    {
        ExplainsAway = ExplainsAway,
        OnlyIn = OnlyIn,
        Outside = Name,
    });

    public OutsideFailure Describe(OutsideContext context) => new(Name, RootCause, Fix, Confirm(context));
}
