using DiagBot.Bot.Chat;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Answers one job: diagnoses the subject and sends the answer. In a thread it first posts a "diagnosing" line
/// and then updates it with the answer, so the thread shows at once that DiagBot heard.
/// </summary>
internal sealed class SlackJobRunner(
    DiagnosisService diagnosis, AnswerOrigin origin, SlackReplier replier, ISlackChannelPoster poster, SlackChartUploader charts, SlackAccessPolicy access,
    ILogger<SlackJobRunner> logger)
{
    public async Task RunAsync(SlackJob job, CancellationToken cancellationToken)
    {
        try
        {
            if (job.Kind == SlackJobKind.Message)
            {
                await replier.SendAsync(job.Target, job.Message!, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (job.CheckAccess && job.Asker is { } asker
                && await access.CheckAsync(asker.UserId, asker.ChannelId ?? job.Target.Channel, cancellationToken).ConfigureAwait(false) is not SlackAccess.Allowed and var refused)
            {
                await replier.SendAsync(job.Target, SlackAccessPolicy.Answer(refused), cancellationToken).ConfigureAwait(false);
                return;
            }

            var placeholder = await PostPlaceholderAsync(job, cancellationToken).ConfigureAwait(false);
            var outcome = await diagnosis.DiagnoseAsync(job.Subject, job.Asker?.ToRequester(job.Target) ?? new Requester("slack", Where: job.Target.Channel ?? "a slash command"), cancellationToken).ConfigureAwait(false);
            var answer = outcome.Report is null
                ? SlackMessage.Plain(SlackMrkdwn.Text(outcome.Problem ?? "DiagBot could not read that subject."))
                : job.Kind == SlackJobKind.RawEvidence
                    ? RawEvidenceRenderer.Render(outcome.Report, origin)
                    : BlockKitRenderer.Render(outcome.Report, origin, job.Page);
            if (placeholder is not null)
            {
                await poster.UpdateAsync(placeholder, answer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await replier.SendAsync(job.Target, answer, cancellationToken).ConfigureAwait(false);
            }

            // The charts go into the answer's thread; a response_url answer (a slash command) has no thread to hold them.
            if (outcome.Report is { } report && job is { Kind: SlackJobKind.Diagnose, Page: 1, Target: { Channel: { } channel, ThreadTs: { } thread } })
            {
                await charts.UploadAsync(channel, thread, report, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A failed delivery or an unexpected error must not take the worker down; the log says what happened.
            logger.LogError(exception, "Could not answer the Slack request for {Subject}", job.Subject);
        }
    }

    private async Task<SlackPostedMessage?> PostPlaceholderAsync(SlackJob job, CancellationToken cancellationToken)
    {
        if (job.Kind != SlackJobKind.Diagnose || job.Target.ThreadTs is null || job.Page != 1)
        {
            return null;
        }

        return await replier.SendAsync(job.Target, Diagnosing(job.Subject), cancellationToken).ConfigureAwait(false);
    }

    public static SlackMessage Diagnosing(string subject) => SlackMessage.Plain(SlackMrkdwn.Format($"Diagnosing {SlackMrkdwn.Code(SlackText.Truncate(subject, 200))}..."));
}
