using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Ecs;

/// <summary>ListTaskDefinitions as the API reference describes it: the order, the family filter and the pages.</summary>
[Collection(SandboxReads.Name)]
public sealed class EcsListTaskDefinitionsTests(SandboxFixture fixture)
{
    private const string ListTaskDefinitions = "AmazonEC2ContainerServiceV20141113.ListTaskDefinitions";

    [Fact]
    public async Task ListTaskDefinitions_Default_ListsByFamilyThenRevisionTheNewestLast()
    {
        var arns = await ArnsAsync(new { });

        Assert.Contains("arn:aws:ecs:us-east-1:111122223333:task-definition/checkout-web:31", arns);
        var order = arns.Select(Parse).ToList();
        Assert.Equal(order.OrderBy(d => d.Family, StringComparer.Ordinal).ThenBy(d => d.Revision), order);
    }

    [Fact]
    public async Task ListTaskDefinitions_SortDescending_IsTheReverseOrder()
    {
        var ascending = await ArnsAsync(new { });

        var descending = await ArnsAsync(new { sort = "DESC" });

        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [Fact]
    public async Task ListTaskDefinitions_FamilyPrefix_ListsOnlyThatFamily()
    {
        var arns = await ArnsAsync(new { familyPrefix = "checkout-web" });

        Assert.NotEmpty(arns);
        Assert.All(arns, arn => Assert.Equal("checkout-web", Parse(arn).Family));
    }

    [Fact]
    public async Task ListTaskDefinitions_OneAPage_FollowsItsTokenToTheRest()
    {
        var all = await ArnsAsync(new { });
        var first = await fixture.CreateClient().JsonAsync("ecs", ListTaskDefinitions, new { maxResults = 1 });
        var token = first.Json.GetProperty("nextToken").GetString();

        var rest = await ArnsAsync(new { nextToken = token });

        Assert.Equal(all, [first.Json.GetProperty("taskDefinitionArns")[0].GetString()!, .. rest]);
    }

    [Fact]
    public async Task ListTaskDefinitions_PageOfMoreThan100_IsRefused()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", ListTaskDefinitions, new { maxResults = 101 });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("InvalidParameterException", reply.ErrorType);
    }

    private async Task<List<string>> ArnsAsync(object request)
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", ListTaskDefinitions, request);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return [.. reply.Json.GetProperty("taskDefinitionArns").EnumerateArray().Select(a => a.GetString()!)];
    }

    private static (string Family, int Revision) Parse(string arn)
    {
        var name = arn[(arn.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return (name[..colon], int.Parse(name[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
