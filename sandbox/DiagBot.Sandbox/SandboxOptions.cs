namespace DiagBot.Sandbox;

public sealed class SandboxOptions
{
    public string AccessKeyId { get; init; } = "AKIDSANDBOX00000000";

    public string SecretAccessKey { get; init; } = "sandbox/secret";

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "111122223333";

    // Where Kestrel listens; port 0 picks a free loopback port.
    public string Urls { get; init; } = "http://127.0.0.1:0";

    // AWS rejects requests signed more than five minutes away from its clock.
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
