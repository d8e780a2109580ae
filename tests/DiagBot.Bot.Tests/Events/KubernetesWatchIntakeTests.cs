using System.Net.Http.Json;
using System.Text.Json;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Events;

/// <summary>The bot watching the sandbox's Warning events (loopback): bursts group per workload, and the watch survives drops and expiry.</summary>
public sealed class KubernetesWatchIntakeTests
{
    private const string Namespace = "orders";
    private const string Watch = "--DiagBot:Kubernetes:Clusters:0:WatchNamespaces:0=" + Namespace;

    [Fact]
    public async Task WarningBurst_ThreeWorkloads_PostsExactlyOncePerWorkload()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await RunningBot.StartWithOwnSandboxAsync(
            Watch,
            "--DiagBot:Slack:BotToken=xoxb-watch",
            "--DiagBot:Slack:SigningSecret=watch-secret",
            "--DiagBot:Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--DiagBot:Slack:IncidentChannel=C0INCIDENTS",
            "--DiagBot:Incidents:SlackMessagesPerSecond=5");
        var cluster = Sandbox(bot);
        string[] workloads = ["checkout", "billing", "shipping"];

        for (var i = 0; i < 30; i++)
        {
            var workload = workloads[i % workloads.Length];
            var pod = $"{workload}-7d9f8b6c5-{(char)('a' + (i / 3))}bcde";
            cluster.AddPodEvent(Namespace, pod, "Warning", "BackOff", $"Back-off restarting failed container app in pod {pod}_{Namespace}");
            cluster.AddPodEvent(Namespace, pod, "Normal", "Pulled", "Container image \"app:1\" already present on machine");
        }

        await WaitForFeedAsync(bot, items => items.Count == 3 && items.All(item => item.GetProperty("count").GetInt64() == 10));
        // A barrier instead of a pause: the watch and the channel's outbox keep their order, so once a later
        // workload's post has arrived, any extra post for the first three would have arrived before it.
        cluster.AddPodEvent(Namespace, "barrier-5f6d7c8b9-zzzzz", "Warning", "BackOff", "Back-off restarting failed container app");
        var feed = await WaitForFeedAsync(bot, items => Has(items, "orders/barrier"));
        await WaitAsync(() => TopLevelPosts(slack) >= 4);
        feed = [.. feed.Where(item => item.GetProperty("service").GetString() != "orders/barrier")];

        Assert.Equal(4, TopLevelPosts(slack));
        Assert.Equal(["orders/billing", "orders/checkout", "orders/shipping"], feed.Select(item => item.GetProperty("service").GetString()).Order(StringComparer.Ordinal));
        Assert.All(feed, item => Assert.Equal(10, item.GetProperty("count").GetInt64()));
        Assert.All(feed, item => Assert.Equal("workload", item.GetProperty("scopeKind").GetString()));
    }

    [Fact]
    public async Task Watch_DroppedThenExpired_ResumesAndRelistsWithoutLosingOrRecountingEvents()
    {
        await using var bot = await RunningBot.StartWithOwnSandboxAsync(Watch);
        var sandbox = bot.Services.GetRequiredService<SandboxServer>();
        var cluster = sandbox.Kubernetes;

        cluster.AddPodEvent(Namespace, "checkout-7d9f8b6c5-aaaaa", "Warning", "BackOff", "Back-off restarting failed container app");
        await WaitForFeedAsync(bot, items => Has(items, "orders/checkout"));

        // Dropped: the watch resumes from the last resourceVersion and misses nothing.
        cluster.DropWatches();
        cluster.AddPodEvent(Namespace, "billing-6c8f7d9b5-bbbbb", "Warning", "BackOff", "Back-off restarting failed container app");
        await WaitForFeedAsync(bot, items => Has(items, "orders/billing"));

        // Expired: the API server is away while the history is compacted, so the resume is answered 410 and the watch lists again.
        sandbox.Faults.Set("kubernetes", "events", new SandboxFault { Kind = SandboxFaultKind.ServerError });
        cluster.DropWatches();
        cluster.AddPodEvent(Namespace, "shipping-5b7c9d8f6-ccccc", "Warning", "BackOff", "Back-off restarting failed container app");
        cluster.ExpireHistory();
        sandbox.Faults.Clear("kubernetes", "events");
        await WaitForFeedAsync(bot, items => Has(items, "orders/shipping"));
        // A barrier instead of a pause: the watch reads in order, so a re-count of the relisted events comes before this one.
        cluster.AddPodEvent(Namespace, "barrier-5f6d7c8b9-zzzzz", "Warning", "BackOff", "Back-off restarting failed container app");
        var feed = await WaitForFeedAsync(bot, items => Has(items, "orders/barrier"));

        Assert.Equal(4, feed.Count);
        Assert.All(feed, item => Assert.Equal(1, item.GetProperty("count").GetInt64()));
    }

    private static SandboxKubernetes Sandbox(RunningBot bot) => bot.Services.GetRequiredService<SandboxServer>().Kubernetes;

    private static bool Has(List<JsonElement> items, string workload) => items.Any(item => item.GetProperty("service").GetString() == workload);

    private static async Task<List<JsonElement>> FeedAsync(RunningBot bot) =>
        [.. (await bot.Client.GetFromJsonAsync<JsonElement>("webchat/api/feed")).EnumerateArray()];

    private static async Task<List<JsonElement>> WaitForFeedAsync(RunningBot bot, Func<List<JsonElement>, bool> done)
    {
        var feed = await FeedAsync(bot);
        await WaitAsync(async () => done(feed = await FeedAsync(bot)));
        Assert.True(done(feed), "the feed did not get there: " + string.Join(", ", feed.Select(item => $"{item.GetProperty("service")} x{item.GetProperty("count")}")));
        return feed;
    }

    private static Task WaitAsync(Func<bool> done) => WaitAsync(() => Task.FromResult(done()));

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done() && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
    }

    private static int TopLevelPosts(FakeSlack slack) =>
        slack.Requests("api/chat.postMessage").Count(request => !request.Json().TryGetProperty("thread_ts", out _));
}
