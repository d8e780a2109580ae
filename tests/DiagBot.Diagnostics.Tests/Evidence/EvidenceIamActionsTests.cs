namespace DiagBot.Diagnostics.Tests.Evidence;

public sealed class EvidenceIamActionsTests
{
    [Fact]
    public void All_EveryAction_IsReadOnly()
    {
        var readPrefixes = new[] { "Describe", "List", "Get", "Lookup", "Filter" };

        Assert.All(EvidenceIamActions.All.Where(a => a != EvidenceIamActions.AssumeRole), action =>
            Assert.Contains(readPrefixes, p => action.Split(':')[1].StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void All_NoDuplicates_AndEachNamesItsService()
    {
        Assert.Equal(EvidenceIamActions.All.Count, EvidenceIamActions.All.Distinct().Count());
        Assert.Contains("ecs:DescribeTasks", EvidenceIamActions.All);
        Assert.Contains("elasticloadbalancing:DescribeTargetHealth", EvidenceIamActions.All);
        Assert.Contains("cloudtrail:LookupEvents", EvidenceIamActions.All);
        Assert.Contains("ec2:DescribeVpcEndpoints", EvidenceIamActions.All);
        Assert.Contains("logs:FilterLogEvents", EvidenceIamActions.All);
    }
}
