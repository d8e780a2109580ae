using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed class EcsTaskDefinitionOperations(SandboxWorld world)
{
    private const int MaxListTaskDefinitions = 100;

    /// <summary>
    /// The API reference's ListTaskDefinitions: ACTIVE revisions unless a status is asked for, familyPrefix the whole family
    /// name, ASC by family then revision (the newest of a family last), DESC the reverse; up to 100 a page.
    /// </summary>
    public object ListTaskDefinitions(AwsCall call)
    {
        var family = JsonRequest.String(call.Json, "familyPrefix");
        var status = JsonRequest.String(call.Json, "status") ?? "ACTIVE";
        var listed = world.Ecs.TaskDefinitions
            .Where(d => d.Status == status && (family is null || d.Family == family))
            .OrderBy(d => d.Family, StringComparer.Ordinal)
            .ThenBy(d => d.Revision)
            .Select(d => d.TaskDefinitionArn)
            .ToList();
        if (JsonRequest.String(call.Json, "sort") == "DESC")
        {
            listed.Reverse();
        }

        var (page, next) = Paging.Page(listed, JsonRequest.String(call.Json, "nextToken"), EcsPaging.MaxResults(call, MaxListTaskDefinitions));
        return new ListTaskDefinitionsResponse(page, next);
    }

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

    private sealed record ListTaskDefinitionsResponse(IReadOnlyList<string> TaskDefinitionArns, string? NextToken);

    private sealed record DescribeTaskDefinitionResponse(EcsTaskDefinition TaskDefinition, IReadOnlyList<EcsTag>? Tags);
}
