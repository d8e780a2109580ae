using System.Globalization;

namespace DiagBot.Bot.Incidents;

/// <summary>What goes under an incident's post: the count so far and the newest evidence, or that it recovered.</summary>
/// <param name="Evidence">The event's own words (a stoppedReason, a Kubernetes message): raw, each channel cleans and escapes it.</param>
internal sealed record IncidentReply(long Count, string Evidence, bool Recovered = false)
{
    public static IncidentReply Failures(long count, string evidence) => new(count, evidence);

    public static IncidentReply Recovery(string evidence) => new(0, evidence, Recovered: true);

    /// <summary>The reply in plain words, not yet cleaned: for surfaces that interpret nothing.</summary>
    public string PlainText => Recovered
        ? $"Recovered: {Evidence}."
        : string.Create(CultureInfo.InvariantCulture, $"{Count} failures so far. Latest: {Evidence}");
}
