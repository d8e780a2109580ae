using System.Diagnostics;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// Trains triage's learned fallback in the background as the bot starts, so the first chat sentence no rule reads is not
/// the one that waits seconds for it. Start-up and readiness do not wait; a failure is logged, never fatal (the fallback
/// only answers what no rule read, and the same failure would be named where it is used).
/// </summary>
internal sealed class FallbackTraining(ILogger<FallbackTraining> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(Train, stoppingToken);

    private void Train()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var features = SymptomClassifier.TrainFallback();
            logger.LogInformation("Triage's learned fallback trained on the embedded corpus ({Features} features) in {Seconds:0.0} s",
                features, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (InvalidOperationException exception)
        {
            logger.LogError(exception, "Triage's learned fallback could not be trained; texts no rule reads will answer none");
        }
    }
}
