namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>The watch could not go on: expired (410 Gone, list again) or failed (the message says why; retry later).</summary>
public sealed class KubeWatchException : Exception
{
    public KubeWatchException()
    {
    }

    public KubeWatchException(string message)
        : base(message)
    {
    }

    public KubeWatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubeWatchException(string message, bool expired, Exception? innerException = null)
        : base(message, innerException)
    {
        Expired = expired;
    }

    public bool Expired { get; }
}
