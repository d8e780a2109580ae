using System.Globalization;
using System.Text.Json.Nodes;
using DiagBot.Bot.Charts;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Puts a diagnosis' charts into the answer's thread with Slack's external upload flow (docs.slack.dev, "Uploading
/// files"): files.getUploadURLExternal (filename, length in bytes, alt_txt of at most 1,000 characters) answers an
/// upload_url and a file_id; the PNG's bytes are POSTed to that URL; files.completeUploadExternal (files [{id, title}],
/// channel_id, thread_ts of the thread's parent) shares it. Needs the files:write scope. A chart that cannot be
/// uploaded is logged and skipped: the answer above it stands.
/// </summary>
internal sealed class SlackChartUploader(SlackWebApiClient api, SlackOptions options, ILogger<SlackChartUploader> logger)
{
    public const int MaxAltTextLength = 1000;

    // Slack documents no limit for a file title; a chart title is one sentence, and this keeps a hostile one short.
    private const int MaxTitleLength = 250;

    public Task<int> UploadAsync(string channel, string threadTs, DiagnosisReport report, CancellationToken cancellationToken) =>
        UploadAsync(channel, threadTs, ChartImages.Of(OutgoingText.Clean(report)), cancellationToken);

    /// <summary>
    /// An incident post's charts into its thread. Nothing but cancellation comes out: the post is already made, and an
    /// exception would have the outbox post it again.
    /// </summary>
    public async Task<int> UploadIncidentChartsAsync(
        string channel, string threadTs, string playbook, IReadOnlyList<Chart> charts, CancellationToken cancellationToken)
    {
        try
        {
            return await UploadAsync(channel, threadTs, ChartImages.Of(playbook, charts), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Could not upload the incident's charts into thread {ThreadTs} of {Channel}", threadTs, channel);
            return 0;
        }
    }

    /// <summary>Give it cleaned charts (<see cref="ChartImages"/>).</summary>
    private async Task<int> UploadAsync(string channel, string threadTs, IReadOnlyList<ReportChart> items, CancellationToken cancellationToken)
    {
        var uploaded = 0;
        foreach (var item in items)
        {
            try
            {
                await UploadOneAsync(channel, threadTs, item, cancellationToken).ConfigureAwait(false);
                uploaded++;
            }
            catch (SlackApiException exception)
            {
                logger.LogWarning("Could not upload the {Kind} chart into thread {ThreadTs} of {Channel}: {Method} answered {Error}",
                    item.Chart.Kind, threadTs, channel, exception.Method, exception.Error);
            }
        }

        return uploaded;
    }

    private async Task UploadOneAsync(string channel, string threadTs, ReportChart item, CancellationToken cancellationToken)
    {
        var png = ChartPainter.Png(item.Chart, ChartSize.Full);
        var ticket = await api.CallFormAsync("files.getUploadURLExternal", new Dictionary<string, string>
        {
            ["filename"] = ChartFiles.FileName(item.Verdict + 1, item.VerdictName, item.Chart.Kind),
            ["length"] = png.Length.ToString(CultureInfo.InvariantCulture),
            ["alt_txt"] = SlackText.Truncate(item.AltText, MaxAltTextLength),
        }, BotToken, cancellationToken).ConfigureAwait(false);
        var fileId = ticket.Text("file_id") ?? throw new SlackApiException("files.getUploadURLExternal", "no_file_id_in_answer");
        var uploadUrl = ticket.Text("upload_url") ?? throw new SlackApiException("files.getUploadURLExternal", "no_upload_url_in_answer");
        await api.UploadAsync(new Uri(uploadUrl), png, cancellationToken).ConfigureAwait(false);
        var file = new JsonObject { ["id"] = fileId, ["title"] = SlackText.Truncate(item.Chart.Title, MaxTitleLength) };
        await api.CallAsync("files.completeUploadExternal", new JsonObject
        {
            ["files"] = new JsonArray(file),
            ["channel_id"] = channel,
            ["thread_ts"] = threadTs,
        }, BotToken, cancellationToken).ConfigureAwait(false);
    }

    private string BotToken => options.BotToken ?? throw new InvalidOperationException("Slack is off: no bot token.");
}
