using System.Collections.Concurrent;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// The web chat's incident channel (GET /webchat/api/feed): what this replica posted, newest first.
/// No rate limit of its own; it is read, not pushed.
/// </summary>
internal sealed class IncidentFeed(TimeProvider clock) : IIncidentChannel
{
    private const int Unlimited = 1_000_000;
    private readonly ConcurrentDictionary<string, FeedEntry> _entries = new(StringComparer.Ordinal);

    public string Name => "webfeed";

    public int MessagesPerSecond => Unlimited;

    public IReadOnlyList<FeedEntry> Snapshot() => [.. _entries.Values.OrderByDescending(entry => entry.View.Record.LastSeen).ThenByDescending(entry => entry.View.Record.FirstSeen)];

    public Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken)
    {
        _entries[view.Record.Key] = new FeedEntry(view, []);
        return Task.FromResult(view.Record.Key);
    }

    public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken)
    {
        _entries.AddOrUpdate(messageId, _ => new FeedEntry(view, []), (_, entry) => entry with { View = view });
        return Task.CompletedTask;
    }

    public Task ReplyAsync(string messageId, IncidentView view, string text, CancellationToken cancellationToken)
    {
        var line = new FeedLine(clock.GetUtcNow(), text);
        _entries.AddOrUpdate(messageId, _ => new FeedEntry(view, [line]), (_, entry) => entry with { Thread = [.. entry.Thread, line] });
        return Task.CompletedTask;
    }
}

internal sealed record FeedEntry(IncidentView View, IReadOnlyList<FeedLine> Thread);

internal sealed record FeedLine(DateTimeOffset At, string Text);
