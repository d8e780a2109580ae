using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Incidents;

public sealed class IncidentFeedEndpointTests
{
    [Fact]
    public async Task StartIncident_InSandbox_Answers202AndTheFeedCountGrows()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await RunningBot.StartAsync(clock);

        using var started = await bot.Client.PostAsync("webchat/api/incidents/start", null);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("invoice-renderer", body.GetProperty("service").GetString());
        Assert.Equal(20, body.GetProperty("events").GetInt32());

        // The events are spaced on the bot's clock, which moves only once the incident is in the feed (its first
        // diagnosis posted): each step lets at most the next event in, however slowly a loaded machine runs the bot
        // (on the wall clock the burst could end before the first diagnosis did, and the feed show only its end).
        var counts = new List<long>();
        for (var poll = 0; poll < 3000 && (counts.Count == 0 || counts[^1] < 20); poll++)
        {
            var feed = await bot.Client.GetFromJsonAsync<JsonElement>("webchat/api/feed");
            if (feed.GetArrayLength() > 0)
            {
                counts.Add(feed[0].GetProperty("count").GetInt64());
                clock.Advance(TimeSpan.FromMilliseconds(250));
            }

            await Task.Delay(10);
        }

        Assert.Equal(20, counts[^1]);
        Assert.True(counts.Distinct().Count() > 2, $"the count should grow in steps, saw {string.Join(",", counts.Distinct())}");
        var incident = (await bot.Client.GetFromJsonAsync<JsonElement>("webchat/api/feed"))[0];
        foreach (var field in new[] { "incidentKey", "title", "playbook", "status", "service", "cluster", "count", "firstSeen", "lastSeen", "recovered", "rootCause", "thread" })
        {
            Assert.True(incident.TryGetProperty(field, out _), $"feed item lacks {field}");
        }

        Assert.Equal("invoice-renderer", incident.GetProperty("service").GetString());
        Assert.False(incident.GetProperty("recovered").GetBoolean());
    }

    [Fact]
    public async Task Feed_NoIncidents_IsAnEmptyArray()
    {
        await using var bot = await RunningBot.StartAsync();

        var feed = await bot.Client.GetFromJsonAsync<JsonElement>("webchat/api/feed");

        Assert.Equal(JsonValueKind.Array, feed.ValueKind);
        Assert.Equal(0, feed.GetArrayLength());
    }
}
