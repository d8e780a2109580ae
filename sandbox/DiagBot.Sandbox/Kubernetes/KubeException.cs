namespace DiagBot.Sandbox.Kubernetes;

/// <summary>Answered as a metav1.Status object with the given HTTP code and reason (NotFound, BadRequest, Forbidden...).</summary>
internal sealed class KubeException(int code, string reason, string message, string? name = null, string? kind = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public string? Name { get; } = name;

    public string? Kind { get; } = kind;
}
