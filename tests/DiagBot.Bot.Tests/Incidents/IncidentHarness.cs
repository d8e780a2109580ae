using System.Collections.Concurrent;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Incidents;

/// <summary>The coordinator over the in-memory store, a fake clock, a recording channel and a counting diagnoser.</summary>
internal sealed class IncidentHarness
{
    /// <param name="shared">A store this harness shares with others, each harness then one replica; its own store otherwise.</param>
    public IncidentHarness(
        int messagesPerSecond = 1,
        int maxEntries = StoreOptions.DefaultMaxEntries,
        int maxTasks = StoreOptions.DefaultMaxArchivedTasks,
        IIncidentStore? shared = null)
    {
        Store = new InMemoryIncidentStore(Clock) { MaxEntries = maxEntries, MaxTasks = maxTasks };
        var store = shared ?? Store;
        Channel = new RecordingChannel(Clock, messagesPerSecond);
        var options = new IncidentOptions();
        var records = new IncidentRecords(store, options);
        Publisher = new IncidentPublisher(new IncidentChannels([Channel]), records, new ChannelRateLimiter(store, Clock), options, Clock, NullLogger<IncidentPublisher>.Instance);
        Archive = new TaskArchive(store, new StoreOptions(null, StoreOptions.DefaultRetention), Clock);
        Runner = new IncidentDiagnosisRunner(Diagnoser, records, Publisher, options, Clock, NullLogger<IncidentDiagnosisRunner>.Instance);
        Coordinator = new IncidentCoordinator(records, Queue, new FixedHint(), Publisher, Archive, options, Clock, NullLogger<IncidentCoordinator>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public InMemoryIncidentStore Store { get; }

    public RecordingChannel Channel { get; }

    public CountingDiagnoser Diagnoser { get; } = new();

    public IncidentPublisher Publisher { get; }

    public IncidentDiagnosisQueue Queue { get; } = new();

    public IncidentDiagnosisRunner Runner { get; }

    public TaskArchive Archive { get; }

    public IncidentCoordinator Coordinator { get; }

    /// <summary>Runs the queued diagnoses, as the worker would.</summary>
    public async Task DiagnoseQueuedAsync()
    {
        while (Queue.TryDequeue(out var job))
        {
            await Runner.RunAsync(job, CancellationToken.None);
        }
    }

    /// <summary>Runs the queued diagnoses, then advances the clock in flush-sized steps until the outbox is empty (or a minute has passed).</summary>
    public async Task DrainAsync()
    {
        await DiagnoseQueuedAsync();
        for (var step = 0; step < 240 && Publisher.Pending > 0; step++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Publisher.FlushAsync(CancellationToken.None);
        }
    }

    private sealed class FixedHint : IPlaybookHint
    {
        public string PlaybookFor(string evidence) => "crash-loop";
    }
}

internal sealed class CountingDiagnoser : IIncidentDiagnoser
{
    private int _calls;

    public int Calls => _calls;

    public Task<IncidentDiagnosis> DiagnoseAsync(IncidentSubject subject, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new IncidentDiagnosis("Crash loop", $"{subject.Service} exits 1 on start"));
    }
}

/// <summary>A channel that records every call with the fake clock's time.</summary>
internal sealed class RecordingChannel(TimeProvider clock, int messagesPerSecond) : IIncidentChannel
{
    private int _next;

    public ConcurrentQueue<(string Kind, DateTimeOffset At, string Key, string Text)> Calls { get; } = new();

    public string Name => "recording";

    public int MessagesPerSecond => messagesPerSecond;

    public IEnumerable<(string Kind, DateTimeOffset At, string Key, string Text)> Of(string kind) => Calls.Where(c => c.Kind == kind);

    public Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("post", clock.GetUtcNow(), view.Record.Key, IncidentText.Body(view)));
        return Task.FromResult("m" + Interlocked.Increment(ref _next));
    }

    public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("update", clock.GetUtcNow(), view.Record.Key, IncidentText.Body(view)));
        return Task.CompletedTask;
    }

    public Task ReplyAsync(string messageId, IncidentView view, IncidentReply reply, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("reply", clock.GetUtcNow(), view.Record.Key, reply.PlainText));
        return Task.CompletedTask;
    }

    /// <summary>The most calls in any one-second window (the limiter's own fixed windows).</summary>
    public int BusiestSecond() =>
        Calls.GroupBy(c => c.At.ToUnixTimeMilliseconds() / 1000).Select(g => g.Count()).DefaultIfEmpty(0).Max();
}
