namespace DiagBot.Sandbox;

public enum SandboxFaultKind
{
    None,
    Throttling,
    ServerError,
    AccessDenied,
    Hang,
}
