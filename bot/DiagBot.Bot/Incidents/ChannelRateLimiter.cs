using System.Globalization;
using DiagBot.Bot.Store;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// A fixed one-second window per channel, counted in the shared store so that replicas together stay
/// within the channel's limit. A refused call is simply tried again at the next flush.
/// </summary>
internal sealed class ChannelRateLimiter(IIncidentStore store, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public async Task<bool> TryAcquireAsync(IIncidentChannel channel)
    {
        var bucket = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)Window.TotalMilliseconds;
        var key = string.Create(CultureInfo.InvariantCulture, $"rate:{channel.Name}:{bucket}");
        return await store.IncrementAsync(key, Window * 2).ConfigureAwait(false) <= channel.MessagesPerSecond;
    }
}
