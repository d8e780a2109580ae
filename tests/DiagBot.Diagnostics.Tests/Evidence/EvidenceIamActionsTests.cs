using System.Reflection;
using DiagBot.Diagnostics.Aws.Http;

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

    [Fact]
    public void All_EveryOperationDeclaredBesideAClient_IsListed()
    {
        var declared = typeof(EvidenceIamActions).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Api", StringComparison.Ordinal) && t.Namespace!.EndsWith(".Live", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(AwsOperation))
            .Select(f => (AwsOperation)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared.Where(o => o.Service.Key != "kubernetes"), o => Assert.Contains(o.IamAction, EvidenceIamActions.All));
        Assert.All(declared.Where(o => o.Service.Key == "kubernetes"), o => Assert.Contains(o.Name, EvidenceIamActions.KubernetesRbacRules));
    }

    [Fact]
    public void KubernetesRbacRules_AreReadVerbsOnly() =>
        Assert.All(EvidenceIamActions.KubernetesRbacRules, rule => Assert.Contains(rule.Split(' ')[0], new[] { "get", "list", "watch" }));
}
