namespace DiagBot.Bot.Slack;

/// <summary>Block Kit's published limits; a message over any of them is rejected by Slack with invalid_blocks.</summary>
internal static class BlockKitLimits
{
    public const int MaxBlocksPerMessage = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxContextElements = 10;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;

    /// <summary>The top-level fallback text may be longer, but a notification needs only the first line.</summary>
    public const int MaxFallbackText = 3000;
}
