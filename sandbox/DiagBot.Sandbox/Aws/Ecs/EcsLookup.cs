namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>The Describe* calls never fail for an unknown id: AWS answers what it found and lists the rest under failures as MISSING.</summary>
internal static class EcsLookup
{
    public static (List<T> Found, List<EcsFailure> Failures) Resolve<T>(IEnumerable<string> idsOrArns, Func<string, string> toArn, Func<string, T?> find)
        where T : class
    {
        var found = new List<T>();
        var failures = new List<EcsFailure>();
        foreach (var id in idsOrArns)
        {
            var arn = id.StartsWith("arn:", StringComparison.Ordinal) ? id : toArn(id);
            if (find(arn) is { } item)
            {
                found.Add(item);
            }
            else
            {
                failures.Add(new EcsFailure(arn, "MISSING"));
            }
        }

        return (found, failures);
    }
}
