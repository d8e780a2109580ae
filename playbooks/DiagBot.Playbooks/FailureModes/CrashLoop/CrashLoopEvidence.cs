using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The evidence and fix steps of playbook 8: how the stopped tasks exited, the deployment, the app's last words.</summary>
internal static class CrashLoopEvidence
{
    private const int EventsShown = 3;

    public static IEnumerable<EvidenceItem> Tasks(IEnumerable<EcsTask> stopped)
    {
        foreach (var task in stopped)
        {
            var exits = string.Join(", ", task.Containers.Select(c => $"{c.Name}={c.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}"));
            yield return new EvidenceItem("ecs:DescribeTasks", $"task {task.TaskId} stop code, reason and exit codes", $"{task.StopCode ?? "(none)"}: {task.StoppedReason ?? "(none)"}; {exits}");
        }
    }

    public static IEnumerable<EvidenceItem> Service(EcsService? service, EcsDeployment? deployment)
    {
        if (service is null)
        {
            yield break;
        }

        yield return new EvidenceItem("ecs:DescribeServices", "deployment circuit breaker",
            service.CircuitBreakerEnabled is null ? "(not set: off)" : $"enable={Lower(service.CircuitBreakerEnabled)}, rollback={Lower(service.CircuitBreakerRollback)}");
        if (deployment is not null)
        {
            yield return new EvidenceItem("ecs:DescribeServices", $"deployment {deployment.Id} rollout, running / desired, failed tasks",
                string.Create(CultureInfo.InvariantCulture, $"{deployment.RolloutState ?? "(none)"}, {deployment.RunningCount} / {deployment.DesiredCount}, failedTasks={deployment.FailedTasks}"));
        }

        foreach (var e in service.Events.Take(EventsShown))
        {
            yield return new EvidenceItem("ecs:DescribeServices", "service event", e.Message);
        }
    }

    public static IEnumerable<EvidenceItem> LastWords(IEnumerable<CrashWords> words)
    {
        foreach (var w in words)
        {
            yield return new EvidenceItem("logs:GetLogEvents", $"last fatal line of {w.Container} in task {w.Task.TaskId} ({w.Group.LogGroupName} {w.Stream})",
                w.Fatal ?? (w.Lines.Count > 0 ? $"(no error line; last line: {w.Lines[^1]})" : "(the stream is empty)"));
        }
    }

    public static List<string> Fix(string subCause, string? fatal, string container, string region, string cluster, string? serviceName)
    {
        var steps = new List<string>
        {
            fatal is not null
                ? $"Fix what container {container} reports before exiting (\"{fatal}\"): a missing setting goes into the task definition's `environment` or `secrets`, a code bug into a new image."
                : $"Make container {container} log why it exits (run it locally with the task definition's environment, or add logging before exit); then fix that.",
            "Register the corrected task definition revision (or push the fixed image) and update the service to it.",
        };
        if (serviceName is null)
        {
            return steps;
        }

        steps.Add(subCause switch
        {
            CrashLoopPlaybook.BreakerOffSubCause =>
                $"Turn the deployment circuit breaker on so a bad deployment stops and rolls back by itself: `aws ecs update-service --region {region} --cluster {cluster} --service {serviceName} --deployment-configuration \"deploymentCircuitBreaker={{enable=true,rollback=true}}\"`.",
            CrashLoopPlaybook.BreakerFailsSubCause =>
                $"Enable rollback on the circuit breaker so a failed deployment returns to the last working revision: `aws ecs update-service --region {region} --cluster {cluster} --service {serviceName} --deployment-configuration \"deploymentCircuitBreaker={{enable=true,rollback=true}}\"`.",
            _ => "Until the fix ships, roll back by updating the service to the last task definition revision that ran steadily.",
        });
        return steps;
    }

    /// <summary>The service's task starts and stops, its crashes coloured by exit code; the title counts the crashes the chart shows.</summary>
    public static IReadOnlyList<Chart> Timeline(EcsService? service, IReadOnlyList<EcsTask> stopped, string who, int exitCode, DateTimeOffset now)
    {
        var shown = stopped.Count(t => CrashLoopPlaybook.IsCrash(t) && t.StoppedAt >= now - TaskTimeline.Window);
        var running = service is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; {service.RunningCount} of {service.DesiredCount} running now");
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{who}: {shown} task{(shown == 1 ? "" : "s")} exited {exitCode} in the last {TaskTimeline.Window.TotalHours:0} hours{running}");
        return TaskTimeline.Of(title, service, stopped, now) is { } chart ? [chart] : [];
    }

    private static string Lower(bool? value) => value switch { true => "true", false => "false", null => "(not set)" };
}
