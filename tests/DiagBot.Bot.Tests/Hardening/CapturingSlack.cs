using System.Collections.Concurrent;
using DiagBot.Bot.Slack;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>A Slack poster that keeps every text it would have sent (posts, thread replies and updates) and counts the replies.</summary>
internal sealed class CapturingSlack : ISlackChannelPoster
{
    private int _next;

    public ConcurrentQueue<string> Texts { get; } = new();

    public int Replies { get; private set; }

    public Task<SlackPostedMessage> PostAsync(string channel, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        Texts.Enqueue(string.Join('\n', JsonStrings.All(message.ToJson())));
        Replies += threadTs is null ? 0 : 1;
        return Task.FromResult(new SlackPostedMessage(channel, "1700000000.00000" + Interlocked.Increment(ref _next)));
    }

    public Task UpdateAsync(SlackPostedMessage posted, SlackMessage message, CancellationToken cancellationToken = default)
    {
        Texts.Enqueue(string.Join('\n', JsonStrings.All(message.ToJson())));
        return Task.CompletedTask;
    }
}
