namespace DiagBot.Bot.Store;

/// <summary>One ECS Task State Change event kept after ECS forgets the task: its `detail` as received.</summary>
internal sealed record ArchivedTask(string TaskArn, long Version, DateTimeOffset ReceivedAt, string DetailJson)
{
    public string TaskId => TaskArn[(TaskArn.LastIndexOf('/') + 1)..];
}
