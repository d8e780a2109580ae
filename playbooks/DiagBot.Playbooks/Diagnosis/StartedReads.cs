namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// The reads a diagnosis started without waiting for them (triage's early reads for the playbooks). A diagnosis answers
/// only once they have settled: a read that outlived its diagnosis could be joined by another diagnosis of the same
/// account, and the number of calls a diagnosis costs would depend on which finished first.
/// </summary>
internal static class StartedReads
{
    /// <summary>Waits for the reads; their failures were already reported by the playbooks that needed them.</summary>
    public static async Task SettleAsync(params Task[] reads)
    {
        try
        {
            await Task.WhenAll(reads).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Reported by the playbook that needed the read, or by nobody when no playbook did (a timed-out read included):
            // the answer is already made and stands.
        }
    }
}
