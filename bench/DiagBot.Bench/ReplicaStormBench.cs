using System.Diagnostics;
using System.Globalization;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;
using DiagBot.Bot.Tests.Store;
using DiagBot.Sandbox;
using StackExchange.Redis;

namespace DiagBot.Bench;

/// <summary>
/// Issue 22's storm at scale: 10,000 STOPPED task events over 100 failing services, each delivered twice in shuffled
/// order, spread round robin over three bot replicas, each a process of its own in live mode against the sandbox
/// (L added to every AWS call), all sharing one Redis and one loopback Slack at Slack's one message a second. The
/// sandbox, Slack and the senders stay in the bench's process, so each replica's peak working set is the bot's alone.
/// </summary>
internal static class ReplicaStormBench
{
    public const int Replicas = 3;
    private const string Channel = "C0STORM003";
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(10);

    // A second post for an incident would be the outbox of another replica, sent in one of Slack's next windows.
    private static readonly TimeSpan LateDuplicateWindow = TimeSpan.FromSeconds(5);

    public static async Task<ReplicaStormFigures> RunAsync(TimeSpan latency, int events, int services)
    {
        await using var redis = await RedisServer.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true"); // for INFO
        await using var slack = await FakeSlackApi.StartAsync();
        await using var account = await BenchAccount.StartAsync(SandboxScale.Small, rateLimits: false);
        var failing = await StormEvents.FailingServicesAsync(account.Sandbox, account.Sessions, services);
        var replicas = new List<BotReplica>();
        try
        {
            for (var i = 0; i < Replicas; i++)
            {
                replicas.Add(await BotReplica.StartAsync(Settings(account.Sandbox, redis, slack), AwsEnvironment(account.Sandbox)));
            }

            // 60 s of event time, as the one-process storm; every event twice, the copies apart as redeliveries are.
            var start = TimeProvider.System.GetUtcNow();
            var documents = Enumerable.Range(0, events)
                .Select(i => StormEvents.Event(failing[i % failing.Count], i, start.AddMilliseconds(i * 60_000.0 / events)))
                .ToList();
            var deliveries = documents.Concat(documents).ToList();
            Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deliveries));
            var meter = new SandboxCallMeter(account.Sandbox.Faults, latency);
            meter.Reset();

            var wall = Stopwatch.StartNew();
            var answers = await StormBench.DeliverAsync([.. replicas.Select(r => r.Client)], deliveries);
            var delivered = wall.Elapsed;
            await PostedAsync(connection, slack, failing.Count, events);
            var posted = wall.Elapsed;
            await Task.Delay(LateDuplicateWindow);
            var (keys, redisMb) = await RedisSizeAsync(connection.GetServer(connection.GetEndPoints()[0]));

            return new ReplicaStormFigures(
                Replicas: replicas.Count,
                Events: events,
                Deliveries: deliveries.Count,
                Duplicates: answers.GetValueOrDefault("Duplicate"),
                Services: failing.Count,
                Posts: slack.PostTexts,
                Replies: slack.Count("reply"),
                Updates: slack.Count("update"),
                ApiCalls: meter.Sent(),
                DeliverySeconds: delivered.TotalSeconds,
                PostedSeconds: posted.TotalSeconds,
                PeakWorkingSetsMb: [.. replicas.Select(r => r.PeakWorkingSetMb)],
                RedisKeys: keys,
                RedisUsedMb: redisMb);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            account.Sandbox.Faults.Clear();
        }
    }

    // Live mode, pointed at the sandbox as the bot points itself in sandbox mode; the shared store is the one Redis.
    private static Dictionary<string, string?> Settings(SandboxServer sandbox, RedisServer redis, FakeSlackApi slack)
    {
        var settings = DiagBotSettings.For(sandbox);
        settings[BotModeSetting.Key] = "live";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["DiagBot:Store:Redis"] = redis.ConnectionString;

        // Three replicas, 20,000 POSTs and a Redis on two loaded cores: the store's 1.5 s bound is for a Redis that hangs.
        settings["DiagBot:Store:TimeoutSeconds"] = "10";
        settings["DiagBot:Events:ApiKey"] = StormBench.ApiKey;
        settings["DiagBot:Slack:SigningSecret"] = "bench-signing-secret-0123456789abcdef";
        settings["DiagBot:Slack:BotToken"] = "xoxb-bench-token";
        settings["DiagBot:Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString();
        settings["DiagBot:Slack:IncidentChannel"] = Channel;
        return settings;
    }

    // The sandbox's access key through the SDK's default chain, as a deployment's environment gives one; no instance metadata.
    private static Dictionary<string, string> AwsEnvironment(SandboxServer sandbox) => new(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = sandbox.Options.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = sandbox.Options.SecretAccessKey,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    // What the replicas left in the shared store: its key count and the memory Redis says it uses (INFO memory, used_memory).
    private static async Task<(long Keys, double UsedMb)> RedisSizeAsync(IServer server)
    {
        var memory = (await server.InfoAsync("memory")).SelectMany(group => group).First(pair => pair.Key == "used_memory").Value;
        return (await server.DatabaseSizeAsync(), long.Parse(memory, CultureInfo.InvariantCulture) / (1024.0 * 1024.0));
    }

    // Every incident posted, and every event counted under its incident in the shared store (the replicas' web feed,
    // which would show the same, is off in live mode without a sign-in); read from Redis, so the replicas do no more.
    private static async Task PostedAsync(IConnectionMultiplexer connection, FakeSlackApi slack, int incidents, int events)
    {
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var waited = Stopwatch.StartNew();
        var state = "";
        while (waited.Elapsed < GiveUp)
        {
            var counts = server.Keys(pattern: RedisIncidentStore.Prefix + IncidentRecords.Count("*")).ToArray();
            var counted = counts.Length == 0 ? 0 : (await connection.GetDatabase().StringGetAsync(counts)).Sum(value => (long)value);
            if (slack.Count("post") >= incidents && counted >= events)
            {
                return;
            }

            state = $"{slack.Count("post")} of {incidents} incidents posted, {counted} of {events} events counted";
            await Task.Delay(250);
        }

        throw new TimeoutException($"the replicas' storm did not settle within {GiveUp.TotalMinutes} minutes: {state}");
    }
}
