using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Charts;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>The external upload flow against the loopback Slack fake, which checks each step as Slack does.</summary>
public sealed class SlackChartUploaderTests
{
    private const string Channel = "C0INCIDENT";
    private const string Thread = "1700000000.000001";

    [Fact]
    public async Task Upload_OomChart_GetsAUrlUploadsThePngAndSharesItInTheThread()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var http = new HttpClient();

        var uploaded = await CreateSut(http, slack).UploadAsync(Channel, Thread, WithCharts(RealisticCharts.Memory()), CancellationToken.None);

        Assert.Equal(1, uploaded);
        var ticket = Assert.Single(slack.Requests("api/files.getUploadURLExternal"));
        Assert.Equal("application/x-www-form-urlencoded", ticket.ContentType.Split(';')[0]);
        var form = ticket.Form();
        Assert.Equal("1-task-out-of-memory-memory-vs-limit.png", form["filename"]);
        Assert.StartsWith("Chart: orders-api memory hit its 512 MiB limit", form["alt_txt"], StringComparison.Ordinal);
        var (fileId, bytes) = Assert.Single(slack.Uploads);
        Assert.Equal(int.Parse(form["length"], System.Globalization.CultureInfo.InvariantCulture), bytes.Length);
        using var png = new PngPixels(bytes);
        Assert.Equal(1200, png.Width);
        var complete = Assert.Single(slack.Requests("api/files.completeUploadExternal")).Json();
        Assert.Equal((Channel, Thread), (complete.GetProperty("channel_id").GetString(), complete.GetProperty("thread_ts").GetString()));
        var file = Assert.Single(complete.GetProperty("files").EnumerateArray());
        Assert.Equal(fileId, file.GetProperty("id").GetString());
        Assert.Equal(RealisticCharts.Memory().Title, file.GetProperty("title").GetString());
        Assert.All(slack.Requests("api/files.completeUploadExternal"), r => Assert.Equal($"Bearer {SlackBot.BotToken}", r.Authorization));
    }

    [Fact]
    public async Task Upload_NoFilesWriteScope_LogsAndSkipsWithoutThrowing()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.FailNext("api/files.getUploadURLExternal", "missing_scope");
        using var http = new HttpClient();

        var report = WithCharts(RealisticCharts.Memory(), RealisticCharts.TargetHealth());

        var uploaded = await CreateSut(http, slack).UploadAsync(Channel, Thread, report, CancellationToken.None);

        Assert.Equal(1, uploaded);
        Assert.Equal(2, slack.Requests("api/files.getUploadURLExternal").Count);
        Assert.Single(slack.Requests("api/files.completeUploadExternal"));
    }

    [Fact]
    public async Task Upload_UrlOnAnotherHost_IsNotFollowed()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.UploadUrlHost = "attacker.invalid";
        using var http = new HttpClient();

        var uploaded = await CreateSut(http, slack).UploadAsync(Channel, Thread, WithCharts(RealisticCharts.Memory()), CancellationToken.None);

        Assert.Equal(0, uploaded);
        Assert.Empty(slack.Uploads);
        Assert.Empty(slack.Requests("api/files.completeUploadExternal"));
    }

    [Fact]
    public async Task Upload_NoCharts_CallsNothing()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var http = new HttpClient();

        Assert.Equal(0, await CreateSut(http, slack).UploadAsync(Channel, Thread, Reports.OutOfMemory(), CancellationToken.None));
        Assert.Empty(slack.Requests("api/files.getUploadURLExternal"));
    }

    private static DiagBot.Playbooks.Diagnosis.DiagnosisReport WithCharts(params DiagBot.Playbooks.Verdicts.Chart[] charts)
    {
        var report = Reports.OutOfMemory();
        return report with { Verdicts = [report.Verdicts[0] with { Charts = charts }] };
    }

    private static SlackChartUploader CreateSut(HttpClient http, FakeSlack slack)
    {
        var options = new SlackOptions { BotToken = SlackBot.BotToken, ApiBaseUrl = slack.ApiBaseUrl };
        var api = new SlackWebApiClient(http, options, TimeProvider.System, NullLogger<SlackWebApiClient>.Instance);
        return new SlackChartUploader(api, options, NullLogger<SlackChartUploader>.Instance);
    }
}
