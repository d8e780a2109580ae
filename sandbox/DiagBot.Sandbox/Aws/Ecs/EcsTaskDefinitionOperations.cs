using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed class EcsTaskDefinitionOperations(SandboxWorld world)
{
    public object DescribeTaskDefinition(AwsCall call)
    {
        var reference = JsonRequest.String(call.Json, "taskDefinition");
        if (string.IsNullOrEmpty(reference))
        {
            throw new AwsException("ClientException", "Task Definition can not be blank.");
        }

        var definition = Find(reference) ?? throw EcsErrors.TaskDefinitionNotFound();
        var withTags = JsonRequest.Strings(call.Json, "include").Contains("TAGS");
        return new DescribeTaskDefinitionResponse(definition, withTags ? [] : null);
    }

    // Accepts a full ARN, "family:revision", or a bare family meaning its latest ACTIVE revision.
    private EcsTaskDefinition? Find(string reference)
    {
        var definitions = world.Ecs.TaskDefinitions;
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            return definitions.FirstOrDefault(d => d.TaskDefinitionArn == reference);
        }

        var colon = reference.LastIndexOf(':');
        if (colon > 0 && int.TryParse(reference[(colon + 1)..], out var revision))
        {
            var family = reference[..colon];
            return definitions.FirstOrDefault(d => d.Family == family && d.Revision == revision);
        }

        return definitions.Where(d => d.Family == reference && d.Status == "ACTIVE").MaxBy(d => d.Revision);
    }

    private sealed record DescribeTaskDefinitionResponse(EcsTaskDefinition TaskDefinition, IReadOnlyList<EcsTag>? Tags);
}
