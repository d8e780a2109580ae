namespace DiagBot.Bench;

/// <summary>How many evidence reads the playbooks asked for (before the session cache answers them).</summary>
internal sealed class EvidenceCallCounter
{
    private int _asked;

    public int AskedCount => Volatile.Read(ref _asked);

    public void Asked() => Interlocked.Increment(ref _asked);

    public void Reset() => Interlocked.Exchange(ref _asked, 0);
}
