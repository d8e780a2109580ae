namespace DiagBot.Playbooks.Outside;

/// <summary>
/// A recognised failure that is none of the catalogue's failure modes (a quota, the deployer's own PassRole denial, a
/// volume that would not mount): no playbook investigates it, but the answer names it, says how to fix it and how to
/// confirm it, instead of a shrug.
/// </summary>
/// <param name="Name">Its kebab name, e.g. "service-quota".</param>
/// <param name="Confirm">A command with the identifiers DiagBot read filled in, or one that lists them.</param>
public sealed record OutsideFailure(string Name, string RootCause, IReadOnlyList<string> Fix, string Confirm)
{
    /// <summary>What every renderer heads such a failure with, "Outside the fifteen failure modes", counted from the catalogue.</summary>
    public static string Heading => $"Outside the {PlaybookCatalog.CountInWords} failure modes";
}
