using System.Net;
using System.Text;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Store;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Store;

/// <summary>
/// Redis that accepts and never answers: the EventBridge intake answers 503 inside its bound (so EventBridge retries
/// and, past its retries, dead-letters), and a diagnosis that needs the task archive names the gap instead of hanging.
/// </summary>
public sealed class StoreFailureTests
{
    // Redis that never answers would hold a request forever: any answer at all is the store's bound at work. How soon it
    // answers is proven on a fake clock (below) and by StoreTimeout's default, not by racing a shared machine's wall clock.
    private static readonly TimeSpan NeverAnswered = TimeSpan.FromSeconds(30);

    // The bound these end-to-end tests run with: what they check is that it answers, so it need not be the default's 1.5 s.
    private const string ShortStoreBound = "--DiagBot:Store:TimeoutSeconds=0.2";

    [Fact]
    public void StoreTimeout_Default_IsUnderWhatTheIntakePromisesEventBridge()
    {
        // The intake promises 2 s; an EventBridge API destination gives up after 5 s.
        Assert.True(StoreTimeout.Default < TimeSpan.FromSeconds(2), $"default {StoreTimeout.Default}");
        Assert.Equal(StoreTimeout.Default, StoreTimeout.Read(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public async Task EventBridge_RedisDoesNotAnswer_Answers503WithRetryAfterEveryTime()
    {
        await using var redis = new SilentRedis();
        await using var bot = await RunningBot.StartAsync(
            "--DiagBot:Events:ApiKey=k", EventFixtures.FixtureRegionSetting, "--DiagBot:Store:Redis=" + redis.ConnectionString, ShortStoreBound);
        var outcomes = new List<HttpStatusCode?>();

        for (var i = 0; i < 4; i++)
        {
            using var deadline = new CancellationTokenSource(NeverAnswered);
            using var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge")
            {
                Content = new StringContent(EventFixtures.Json(EventFixtures.TaskFailed).Replace("EXAMPLE0001", "EXAMPLE000" + i, StringComparison.Ordinal), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-DiagBot-Key", "k");
            try
            {
                using var response = await bot.Client.SendAsync(request, deadline.Token);
                outcomes.Add(response.StatusCode);
                Assert.Equal("30", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (OperationCanceledException)
            {
                outcomes.Add(null);
            }
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable], outcomes);
        Assert.True(redis.Accepted > 0, "the bot never reached the silent Redis");
    }

    [Fact]
    public async Task BoundedStore_CallThatNeverAnswers_FailsAsStoreUnavailableWhenTheClockPassesTheBound()
    {
        var clock = new FakeTimeProvider();
        var sut = new BoundedIncidentStore(new NeverAnsweringStore(), TimeSpan.FromSeconds(1.5), clock);

        var claim = sut.TryClaimAsync("event:1", TimeSpan.FromMinutes(1));
        var removal = sut.RemoveAsync("event:1");
        clock.Advance(TimeSpan.FromSeconds(1.4));
        var pendingBeforeTheBound = !claim.IsCompleted && !removal.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(0.2));

        Assert.True(pendingBeforeTheBound);
        Assert.Contains("did not answer within 1.5 s", (await Assert.ThrowsAsync<StoreUnavailableException>(() => claim)).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => removal);
    }

    [Fact]
    public async Task Diagnose_TaskEcsForgotWhileTheArchiveIsDown_NamesTheArchiveGapInTheAnswer()
    {
        await using var redis = new SilentRedis();
        await using var bot = await RunningBot.StartAsync("--DiagBot:Store:Redis=" + redis.ConnectionString, ShortStoreBound);
        var sandbox = bot.Services.GetRequiredService<SandboxServer>();
        var arn = $"arn:aws:ecs:{sandbox.Options.Region}:{sandbox.Options.AccountId}:task/{sandbox.Clusters[0]}/0badc0de0badc0de0badc0de0badc0de";

        var outcome = await bot.Services.GetRequiredService<DiagnosisService>().DiagnoseAsync(arn, CancellationToken.None);

        Assert.Null(outcome.Problem);
        var gap = Assert.Single(outcome.Report!.TriageGaps, gap => gap.Source == "task-archive");
        Assert.Contains("did not answer", gap.Detail, StringComparison.Ordinal);
        Assert.Contains(outcome.Report.TriageGaps, gap => gap.Source == "ecs");
    }

    private sealed class NeverAnsweringStore : IIncidentStore
    {
        private static Task<T> Never<T>() => new TaskCompletionSource<T>().Task;

        public Task<bool> TryClaimAsync(string key, TimeSpan expiry) => Never<bool>();

        public Task<long> IncrementAsync(string key, TimeSpan expiry) => Never<long>();

        public Task SetAsync(string key, string value, TimeSpan expiry) => Never<bool>();

        public Task<string?> GetAsync(string key) => Never<string?>();

        public Task RemoveAsync(string key) => Never<bool>();

        public Task AppendAsync(string key, string value, int keepLast, TimeSpan expiry) => Never<bool>();

        public Task<IReadOnlyList<string>> ListAsync(string key) => Never<IReadOnlyList<string>>();

        public Task AddToSetAsync(string key, string member, TimeSpan expiry) => Never<bool>();

        public Task<IReadOnlyList<string>> TakeSetAsync(string key) => Never<IReadOnlyList<string>>();

        public Task<bool> ArchiveTaskAsync(ArchivedTask task, TimeSpan retention) => Never<bool>();

        public Task<ArchivedTask?> FindTaskAsync(string taskArnOrId) => Never<ArchivedTask?>();
    }
}
