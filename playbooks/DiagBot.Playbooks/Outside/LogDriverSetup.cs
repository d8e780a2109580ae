namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The awslogs driver could not start: its log group is missing, or the task cannot create or reach it. Wordings: the
/// ECS agent's logger validation (agent/engine/docker_task_engine.go), civiform/civiform#7648, osperlabs/logbeam#7,
/// epsagon/list-lambdas#5, aws/aws-xray-sdk-dotnet#312.
/// </summary>
internal static class LogDriverSetup
{
    public static OutsideCause Cause { get; } = new(
        "log-driver-setup",
        "The container's log driver could not start: its CloudWatch log group is missing, or the task may not create it or cannot reach CloudWatch Logs. The container never ran, so the app is not at fault.",
        [
            "Create the log group named in the task definition's awslogs-group, or set awslogs-create-group to true and give the task execution role logs:CreateLogGroup.",
            "From a private subnet, give the task a route to CloudWatch Logs: a NAT gateway or the com.amazonaws.<region>.logs interface endpoint.",
        ],
        context => context.DescribeTask("tasks[0].stoppedReason"),
        [
            Phrase.Of("log group missing", @"log group does not exist|cannot find the amazon cloudwatch log group"),
            Phrase.Of("log driver could not start", @"failed to validate logger args|failed to initialize logging driver|logging driver|awslogs-(group|region|stream)"),
            Phrase.Of("log group could not be created", @"failed to create cloudwatch log (group|stream)"),
        ],
        0.93,
        "the log driver's words, not the app's")
    {
        ExplainsAway = new HashSet<int>
        {
            FailureModes.CannotPullContainer.Number, FailureModes.SecretsPullFailed.Number,
            FailureModes.AppAccessDenied.Number, FailureModes.CrashLoop.Number,
        },
    };
}
