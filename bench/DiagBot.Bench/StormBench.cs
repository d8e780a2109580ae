using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Incidents;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bench;

/// <summary>
/// The auto-post storm: 1,000 STOPPED task events across 10 failing services, each delivered twice (EventBridge
/// delivers at least once), POSTed to the bot host's /events/eventbridge with its API key, the sandbox adding L to
/// every AWS call and a loopback Slack counting what is posted. Timed from the first POST until the last incident
/// message is sent: every delivery answered, every incident posted with its full count, nothing left to send.
/// </summary>
internal static class StormBench
{
    public const string ApiKey = "bench-events-key-0123456789";
    private const int Senders = 16;
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(3);

    public static async Task<StormFigures> RunAsync(TimeSpan latency, int events, int services)
    {
        await using var slack = await FakeSlackApi.StartAsync();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=None",
            "--DiagBot:Events:ApiKey=" + ApiKey,
            "--DiagBot:Slack:SigningSecret=bench-signing-secret-0123456789abcdef",
            "--DiagBot:Slack:BotToken=xoxb-bench-token",
            "--DiagBot:Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--DiagBot:Slack:IncidentChannel=C0STORM001",
        ];
        await using var app = await DiagBotApp.BuildAsync(args);
        await app.StartAsync();
        try
        {
            var sandbox = app.Services.GetRequiredService<SandboxServer>();
            var failing = await StormEvents.FailingServicesAsync(sandbox, app.Services.GetRequiredService<IEvidenceSessionFactory>(), services);
            var clock = TimeProvider.System;
            var start = clock.GetUtcNow();
            var documents = Enumerable.Range(0, events).Select(i => StormEvents.Event(failing[i % failing.Count], i, start.AddMilliseconds(i * 60))).ToList();

            // Every event twice; the second copy arrives later, among other events, as a redelivery would.
            var deliveries = documents.Concat(documents).ToList();
            Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deliveries));
            var meter = new SandboxCallMeter(sandbox.Faults, latency);
            meter.Reset();

            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            using var client = new HttpClient { BaseAddress = address };
            using var memory = new WorkingSetSampler();
            var wall = Stopwatch.StartNew();
            var answers = await DeliverAsync([client], deliveries);
            var delivered = wall.Elapsed;
            await QuietAsync(client, app.Services.GetRequiredService<IncidentPublisher>(), failing.Count, events);
            wall.Stop();

            return new StormFigures(
                Events: events,
                Deliveries: deliveries.Count,
                Duplicates: answers.GetValueOrDefault("Duplicate"),
                Services: failing.Count,
                SeededServices: failing.Count(f => f.Seeded),
                Posts: slack.Count("post"),
                Replies: slack.Count("reply"),
                Updates: slack.Count("update"),
                ApiCalls: meter.Sent(),
                DeliverySeconds: delivered.TotalSeconds,
                Seconds: wall.Elapsed.TotalSeconds,
                PeakWorkingSetMb: memory.PeakMb);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Each delivery POSTed by one of 16 senders, the i-th to the i-th client round the list (a load balancer's round robin).</summary>
    public static async Task<Dictionary<string, int>> DeliverAsync(IReadOnlyList<HttpClient> clients, IReadOnlyList<string> deliveries)
    {
        var results = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < deliveries.Count; i = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge") { Content = new StringContent(deliveries[i], Encoding.UTF8, "application/json") };
                request.Headers.Add("X-DiagBot-Key", ApiKey);
                using var response = await clients[i % clients.Count].SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"/events/eventbridge answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString() ?? "";
                lock (results)
                {
                    results[result] = results.GetValueOrDefault(result) + 1;
                }
            }
        }));
        return results;
    }

    // Done when the feed holds every incident with every event counted and the publisher has nothing left to send.
    private static async Task QuietAsync(HttpClient client, IncidentPublisher publisher, int incidents, int events)
    {
        var waited = Stopwatch.StartNew();
        var state = "";
        while (waited.Elapsed < GiveUp)
        {
            var feed = await client.GetFromJsonAsync<JsonElement>("webchat/api/feed");
            var counted = feed.EnumerateArray().Sum(incident => incident.GetProperty("count").GetInt64());
            if (feed.GetArrayLength() >= incidents && counted >= events && publisher.Pending == 0)
            {
                return;
            }

            state = $"{feed.GetArrayLength()} of {incidents} incidents in the feed, {counted} of {events} events counted, {publisher.Pending} messages pending: "
                + string.Join("; ", feed.EnumerateArray().Select(i => $"{i.GetProperty("service")} {i.GetProperty("playbook")} x{i.GetProperty("count")}"));
            await Task.Delay(50);
        }

        throw new TimeoutException($"the storm did not settle within {GiveUp.TotalMinutes} minutes: {state}");
    }
}
