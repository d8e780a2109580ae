namespace DiagBot.Playbooks.Classification;

/// <summary>Turns the signals behind a reading into the one-line "why" an engineer reads.</summary>
internal static class WhyText
{
    private const int ReasonsShown = 3;
    private const string SubCausePrefix = "sub-cause:";

    // An exit-code-only reason ("137 without OOM wording") would contradict a strong text signal; it is shown only alone.
    private const double StrongTextSignal = 0.9;
    private const int PhraseLength = 90;

    public static string For(Candidate candidate, EvidenceField field, Candidate? runnerUp)
    {
        var wire = EvidenceFieldNames.ToWireName(field);
        // The strongest signal first, then any sub-cause (which kind of pull failure, which secret store), then the rest.
        var hits = candidate.Hits.Any(h => h.Phrase is not null && h.Rule.Weight >= StrongTextSignal)
            ? candidate.Hits.Where(h => h.Phrase is not null).ToList()
            : candidate.Hits;
        var reasons = hits
            .Take(1)
            .Concat(hits.Where(h => h.Rule.Explains.StartsWith(SubCausePrefix, StringComparison.Ordinal)))
            .Concat(hits)
            .DistinctBy(h => h.Rule.Explains)
            .Take(ReasonsShown)
            .Select(h => h.Phrase is null ? h.Rule.Explains : $"{wire} says \"{Shorten(h.Phrase)}\": {h.Rule.Explains}");
        var why = string.Join("; ", reasons);

        if (runnerUp is not null)
        {
            why += $" (also considered: {Name(runnerUp.Playbook)}, {runnerUp.Score:0.00})";
        }

        return why;
    }

    public static string Name(int? playbook) => playbook is null ? "none" : $"playbook {playbook}";

    public static string NothingRecognised(EvidenceField field, int? exitCode)
    {
        var exit = exitCode is null ? string.Empty : $" (exit code {exitCode})";
        return $"no failure signal recognised in this {EvidenceFieldNames.ToWireName(field)}{exit}; "
            + $"nothing points to one of the {PlaybookCatalog.CountInWords} failure modes";
    }

    private static string Shorten(string phrase) =>
        phrase.Length <= PhraseLength ? phrase : string.Concat(phrase.AsSpan(0, PhraseLength), "...");
}
