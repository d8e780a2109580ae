using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Tests.Support;
using DiagBot.Bot.WebChat;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Chat;

/// <summary>The one admission limit: counted with held leases as barriers, never with time.</summary>
public sealed class DiagnosisAdmissionTests
{
    [Fact]
    public async Task Enter_MoreThanRunningPlusQueued_RefusesOnlyTheExcess()
    {
        using var sut = new DiagnosisAdmission(new AdmissionOptions(MaxConcurrent: 2, MaxQueued: 3));

        var running = new[] { await sut.EnterAsync(bounded: true, CancellationToken.None), await sut.EnterAsync(bounded: true, CancellationToken.None) };
        var queued = Enumerable.Range(0, 3).Select(_ => sut.EnterAsync(bounded: true, CancellationToken.None)).ToList();
        var refused = await sut.EnterAsync(bounded: true, CancellationToken.None);

        Assert.All(running, Assert.NotNull);
        Assert.Null(refused);
        Assert.All(queued, entry => Assert.False(entry.IsCompleted));
        Assert.Equal((2, 1, 3), (sut.Admitted, sut.Refused, sut.Waiting));

        running[0]!.Dispose();
        var first = await Task.WhenAny(queued);
        Assert.NotNull(await first);
        Assert.Equal(2, queued.Count(entry => !entry.IsCompleted));
        Assert.Equal(3, sut.Admitted);
    }

    [Fact]
    public async Task Enter_IncidentDiagnosisWhenTheQueueIsFull_WaitsItsTurnInsteadOfBeingRefused()
    {
        using var sut = new DiagnosisAdmission(new AdmissionOptions(MaxConcurrent: 1, MaxQueued: 0));
        var holder = await sut.EnterAsync(bounded: true, CancellationToken.None);

        var chat = await sut.EnterAsync(bounded: true, CancellationToken.None);
        var incident = sut.EnterAsync(bounded: false, CancellationToken.None);
        var waitedWhileHeld = !incident.IsCompleted;
        holder!.Dispose();

        Assert.Null(chat);
        Assert.True(waitedWhileHeld);
        Assert.NotNull(await incident);
        Assert.Equal((2, 1), (sut.Admitted, sut.Refused));
    }

    [Fact]
    public async Task Enter_TwoHundredAtOnceWithTheDefaults_AdmitsEveryOneInTurn()
    {
        using var sut = new DiagnosisAdmission(new AdmissionOptions(AdmissionOptions.DefaultMaxConcurrent, AdmissionOptions.DefaultMaxQueued));

        var entries = Enumerable.Range(0, 200).Select(_ => sut.EnterAsync(bounded: true, CancellationToken.None)).ToList();
        var admittedAtOnce = entries.Count(entry => entry.IsCompleted);
        var pending = entries.ToList();
        while (pending.Count > 0)
        {
            // Each finished diagnosis lets the next waiting one in.
            var next = await Task.WhenAny(pending);
            pending.Remove(next);
            (await next)?.Dispose();
        }

        Assert.Equal(AdmissionOptions.DefaultMaxConcurrent, admittedAtOnce);
        Assert.Equal((200, 0), (sut.Admitted, sut.Refused));
    }

    [Fact]
    public async Task WebChat_AdmissionFull_AnswersBusyAndCountsTheRefusal()
    {
        await using var bot = await RunningBot.StartAsync("--DiagBot:Diagnosis:MaxConcurrent=1", "--DiagBot:Diagnosis:MaxQueued=0");
        var admission = bot.Services.GetRequiredService<DiagnosisAdmission>();
        using var holder = await admission.EnterAsync(bounded: true, CancellationToken.None);

        using var response = await bot.Client.PostAsJsonAsync("webchat/api/messages", new { text = "/diagnose exit 137" });
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.Equal("error", lines[^1].GetProperty("type").GetString());
        Assert.Equal(DiagnosisAdmission.Busy, lines[^1].GetProperty("text").GetString());
        Assert.Equal(1, admission.Refused);
    }

    [Fact]
    public async Task WebChat_OneCallerPastItsRateLimit_Is429WithAClearLine()
    {
        await using var bot = await RunningBot.StartAsync("--" + WebChatRateLimit.Key + "=3");
        var statuses = new List<HttpStatusCode>();
        string? refusal = null;

        for (var i = 0; i < 5; i++)
        {
            using var response = await bot.Client.PostAsJsonAsync("webchat/api/messages", new { text = "help" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString();
            }
        }

        Assert.Equal(3, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(WebChatRateLimit.Refusal, refusal);
    }
}
