using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Network;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Network;

/// <summary>
/// The EC2 client never pages a list of named resources with MaxResults, which EC2 refuses: "If you call a describe API action
/// with both a list of IDs and MaxResults, the request fails with the error InvalidParameterCombination" (EC2 API reference,
/// Pagination). Every request sent over several pages is counted and read.
/// </summary>
public sealed class Ec2IdsWithoutMaxResultsTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeNetworkInterfaces_ByIdOverSeveralPages_NeverSendsMaxResultsBesideTheIds()
    {
        // EC2 refuses NetworkInterfaceId.N with MaxResults (InvalidParameterCombination, cilium/cilium#39106): each page
        // follows nextToken and carries the ids alone.
        AnswerInTwoPages("ec2-describe-network-interfaces-branch.xml", "</networkInterfaceSet>");

        var result = await CreateSut().DescribeNetworkInterfacesAsync(["eni-0b7c31d5e9a2f4c86", "eni-0c1d2e3f4a5b6c7d8"], AwsScope.Default,
            CancellationToken.None);

        Assert.Equal(2, result.Value!.Count);
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, sent => Assert.Equal(("eni-0b7c31d5e9a2f4c86", "eni-0c1d2e3f4a5b6c7d8", false),
            (sent.Form["NetworkInterfaceId.1"], sent.Form["NetworkInterfaceId.2"], sent.Form.ContainsKey("MaxResults"))));
        Assert.Equal("page-2", _server.Requests.ElementAt(1).Form["NextToken"]);
    }

    [Fact]
    public async Task DescribeInstances_ByIdOverSeveralPages_NeverSendsMaxResultsBesideTheIds()
    {
        // EC2's same refusal for InstanceId.N: "The parameter instancesSet cannot be used with the parameter maxResults".
        AnswerInTwoPages("ec2-describe-instances.xml", "</reservationSet>");

        await CreateSut().DescribeInstancesAsync(["i-0f1e2d3c4b5a69788"], AwsScope.Default, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, sent => Assert.Equal(("i-0f1e2d3c4b5a69788", false),
            (sent.Form["InstanceId.1"], sent.Form.ContainsKey("MaxResults"))));
    }

    // The documented reply as a first page ending in a nextToken, then as the last page.
    private void AnswerInTwoPages(string fixture, string setEnd)
    {
        var page = Fixture.Read(fixture);
        _server.Reply = request => FakeReply.Xml(200, request.Form.ContainsKey("NextToken")
            ? page
            : page.Replace(setEnd, setEnd + "<nextToken>page-2</nextToken>", StringComparison.Ordinal));
    }

    private INetworkEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Network;
    }
}
