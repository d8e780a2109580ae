using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks;

/// <summary>A fresh playbook per failure mode, in the catalogue's order (<see cref="FailureModeCatalog"/> is the one list).</summary>
public static class PlaybookCatalog
{
    public static IReadOnlyList<IPlaybook> Create() => [.. FailureModeCatalog.Entries.Select(entry => entry.CreatePlaybook())];

    /// <summary>Every failure mode's identity, in number order: count and number the modes from here, never by hand.</summary>
    public static IReadOnlyList<FailureMode> Modes => FailureModeCatalog.Modes;

    /// <summary>How many modes there are, as a sentence says it ("fifteen"): a new mode changes every answer that counts them.</summary>
    public static string CountInWords => NumberWords.Of(Modes.Count);
}
