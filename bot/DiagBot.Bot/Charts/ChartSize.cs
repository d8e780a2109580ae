namespace DiagBot.Bot.Charts;

/// <summary>
/// The pixel size a chart is drawn at for a surface. Slack and the web chat scale a PNG down to their column (about
/// 360 to 640 CSS pixels), so drawing at twice that keeps text sharp on high-density screens; Teams shows the image
/// inside a card, where a smaller picture keeps the card under the bot message limit.
/// </summary>
internal sealed record ChartSize(int Width, int Height, float Scale)
{
    /// <summary>The CLI's files, Slack uploads and the web chat: 1200 x 600 at 1.5x, read at 600 to 800 wide.</summary>
    public static readonly ChartSize Full = new(1200, 600, 1.5f);

    /// <summary>Teams' card image, embedded as a data URI: small enough to stay inside the card limit.</summary>
    public static readonly ChartSize Card = new(640, 320, 1f);
}
