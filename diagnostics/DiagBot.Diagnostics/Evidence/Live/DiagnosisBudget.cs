namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>The time one diagnosis may spend reading evidence; every call of the session stops when it runs out.</summary>
internal sealed class DiagnosisBudget : IDisposable
{
    private readonly CancellationTokenSource _expiry;

    public DiagnosisBudget(TimeSpan limit, TimeProvider time)
    {
        Limit = limit;
        _expiry = new CancellationTokenSource(limit, time);
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => _expiry.Token;

    public bool IsExhausted => _expiry.IsCancellationRequested;

    public void Dispose() => _expiry.Dispose();
}
