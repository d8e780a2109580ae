using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Hosting;

/// <summary>
/// The embedded sandbox is a snapshot: a bot that has been up for a while answers its incidents and look-alikes as it did
/// at start-up. Judged by the wall clock, a pod Pending "for seconds" became a failure two minutes in, and CloudTrail's
/// 15-minute window lost the seeded denial.
/// </summary>
public sealed class SandboxSnapshotClockTests
{
    private static readonly TimeSpan Uptime = TimeSpan.FromMinutes(20);

    [Theory]
    [InlineData("lookalike-pod-just-scheduled", null)]
    [InlineData("lookalike-task-provisioning-seconds", null)]
    [InlineData("p04-app-access-denied", 4)]
    [InlineData("p09-pod-pending", 9)]
    public async Task Diagnose_TwentyMinutesAfterSeeding_AnswersAsAtStartUp(string scenario, int? confirmed)
    {
        // Seeded 20 minutes ago by its own clock; it still takes the bot's signatures, made on the wall clock.
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow - Uptime),
            MaxClockSkew = Uptime * 2,
        });
        await using var bot = await RunningBot.StartOnAsync(sandbox);
        var subject = sandbox.Scenarios.Single(s => s.Name == scenario).Subject;

        using var response = await bot.Client.PostAsJsonAsync(new Uri("/webchat/api/messages", UriKind.Relative), new { text = "/diagnose " + subject });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var last = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var report = JsonDocument.Parse(last).RootElement.GetProperty("report");
        Assert.True(report.GetProperty("missing").GetArrayLength() == 0, last);
        var verdicts = report.GetProperty("verdicts").EnumerateArray()
            .Select(v => (Playbook: v.GetProperty("playbook").GetInt32(), Status: v.GetProperty("status").GetString()))
            .ToList();

        Assert.NotEmpty(verdicts);
        var failures = verdicts.Where(v => v.Status is "confirmed" or "likely").ToList();
        if (confirmed is null)
        {
            Assert.True(failures.Count == 0, $"{scenario}: {string.Join(", ", failures)}");
        }
        else
        {
            Assert.Equal((confirmed.Value, "confirmed"), verdicts[0]);
        }
    }
}
