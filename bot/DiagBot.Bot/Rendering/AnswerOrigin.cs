namespace DiagBot.Bot.Rendering;

/// <summary>Where answers come from; every answer from the sandbox says so.</summary>
public sealed record AnswerOrigin(bool IsSandbox, string Description)
{
    public static AnswerOrigin Sandbox(string accountId) =>
        new(true, $"Answered from the DiagBot sandbox (simulated AWS account {accountId}), not from a real account.");

    public static AnswerOrigin Live { get; } = new(false, "Answered from live AWS and Kubernetes APIs.");
}
