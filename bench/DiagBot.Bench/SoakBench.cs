using System.Globalization;
using DiagBot.Bot.Events;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bench;

/// <summary>
/// Issue 16 and 22: 30 minutes' worth of stopped-task events (50 a second over 100 services, each delivered twice)
/// through the incident coordinator over the in-memory store with its default caps, on a stepped clock: the store's
/// entry count at minute 30 over its count at minute 10. Counted, not timed.
/// </summary>
internal static class SoakBench
{
    private const int PerSecond = 50;
    private const int Services = 100;

    public static async Task<SoakFigures> RunAsync()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryIncidentStore(clock);
        var options = new IncidentOptions();
        var records = new IncidentRecords(store, options);
        var publisher = new IncidentPublisher(new IncidentChannels([new NullChannel()]), records, new ChannelRateLimiter(store, clock), options, clock, NullLogger<IncidentPublisher>.Instance);
        var archive = new TaskArchive(store, new StoreOptions(null, StoreOptions.DefaultRetention), clock);
        var queue = new IncidentDiagnosisQueue();
        var runner = new IncidentDiagnosisRunner(new FixedDiagnoser(), records, publisher, options, clock, NullLogger<IncidentDiagnosisRunner>.Instance);
        var coordinator = new IncidentCoordinator(records, queue, new FixedHint(), publisher, archive, options, clock, NullLogger<IncidentCoordinator>.Instance);
        var perMinute = new List<int>();
        var sequence = 0;
        for (var second = 1; second <= 30 * 60; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            for (var i = 0; i < PerSecond; i++, sequence++)
            {
                var stopped = StoppedEvent(sequence, clock.GetUtcNow());
                await coordinator.HandleAsync(stopped, CancellationToken.None);
                await coordinator.HandleAsync(stopped, CancellationToken.None);
            }

            while (queue.TryDequeue(out var job))
            {
                await runner.RunAsync(job, CancellationToken.None);
            }

            await publisher.FlushAsync(CancellationToken.None);
            if (second % 60 == 0)
            {
                perMinute.Add(store.EntryCount);
            }
        }

        return new SoakFigures(sequence, perMinute);
    }

    private static EcsEvent StoppedEvent(int i, DateTimeOffset at) => EcsEvent.TryParse($$"""
        {"version":"0","id":"soak-{{i}}","detail-type":"ECS Task State Change","source":"aws.ecs","account":"111122223333",
         "time":"{{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}","region":"us-east-1",
         "resources":["arn:aws:ecs:us-east-1:111122223333:task/prod/{{i:x32}}"],
         "detail":{"clusterArn":"arn:aws:ecs:us-east-1:111122223333:cluster/prod","group":"service:svc-{{i % Services}}","lastStatus":"STOPPED",
           "desiredStatus":"STOPPED","stopCode":"EssentialContainerExited","stoppedReason":"Essential container in task exited",
           "taskArn":"arn:aws:ecs:us-east-1:111122223333:task/prod/{{i:x32}}","taskDefinitionArn":"arn:aws:ecs:us-east-1:111122223333:task-definition/svc:1",
           "containers":[{"name":"app","lastStatus":"STOPPED","exitCode":1}],"version":5} }
        """) ?? throw new InvalidOperationException("the soak's event did not parse");

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class NullChannel : IIncidentChannel
    {
        private int _posts;

        public string Name => "soak";

        public int MessagesPerSecond => 1_000;

        public Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken) =>
            Task.FromResult(Interlocked.Increment(ref _posts).ToString(CultureInfo.InvariantCulture));

        public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ReplyAsync(string messageId, IncidentView view, IncidentReply reply, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FixedDiagnoser : IIncidentDiagnoser
    {
        public Task<IncidentDiagnosis> DiagnoseAsync(IncidentSubject subject, CancellationToken cancellationToken) =>
            Task.FromResult(new IncidentDiagnosis("Crash loop", $"{subject.Service} exits 1 on start"));
    }

    private sealed class FixedHint : IPlaybookHint
    {
        public string PlaybookFor(string evidence) => "crash-loop";
    }
}

internal sealed record SoakFigures(int Events, IReadOnlyList<int> EntriesPerMinute)
{
    public double Growth => EntriesPerMinute.Count < 30 || EntriesPerMinute[9] == 0 ? double.NaN : (double)EntriesPerMinute[29] / EntriesPerMinute[9];

    public IReadOnlyDictionary<string, double?> Json => new Dictionary<string, double?> { ["store_entries_growth"] = Math.Round(Growth, 3) };

    public string ToTableRow() => string.Create(CultureInfo.InvariantCulture,
        $"| store entries at minute 10 / 30 of a soak ({Events} events, each delivered twice) | {EntriesPerMinute[9]} / {EntriesPerMinute[29]} ({Growth:0.000}x) | flat |\n");
}
