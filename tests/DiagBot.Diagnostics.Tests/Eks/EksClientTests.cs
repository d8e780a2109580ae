using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Eks;

/// <summary>The EKS REST-JSON client against a loopback server answering documented bodies.</summary>
public sealed class EksClientTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListFargateProfiles_ListsThenDescribesEach_WithSignedGets()
    {
        _server.Reply = r => r.PathAndQuery switch
        {
            "/clusters/prod/fargate-profiles?maxResults=100" => FakeReply.Json(200, """{"fargateProfileNames":["fp-default"]}"""),
            "/clusters/prod/fargate-profiles/fp-default" => FakeReply.Json(200, """
                {"fargateProfile":{"fargateProfileName":"fp-default","fargateProfileArn":"arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp-default/1",
                 "clusterName":"prod","createdAt":1764000000.5,"podExecutionRoleArn":"arn:aws:iam::111122223333:role/fargate-pods",
                 "subnets":["subnet-0abc"],"selectors":[{"namespace":"payments","labels":{"fargate":"yes"}},{"namespace":"kube-system"}],"status":"ACTIVE"}}
                """),
            _ => FakeReply.Json(404, "{}"),
        };

        var result = await CreateSut().ListFargateProfilesAsync("prod", new AwsScope(Region: "us-east-1"), CancellationToken.None);

        var profile = Assert.Single(result.Value!);
        Assert.Equal("ACTIVE", profile.Status);
        Assert.True(profile.Selects("payments", new Dictionary<string, string> { ["fargate"] = "yes", ["app"] = "ledger" }));
        Assert.False(profile.Selects("payments", new Dictionary<string, string> { ["app"] = "ledger" }));
        Assert.True(profile.Selects("kube-system", new Dictionary<string, string>()));
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Contains("/us-east-1/eks/aws4_request", r.Headers["Authorization"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ListFargateProfiles_UnknownCluster_IsNotFoundFromTheErrorTypeHeader()
    {
        _server.Reply = _ => FakeReply.Json(404, """{"message":"No cluster found for name: nope."}""") with { ErrorType = "ResourceNotFoundException" };

        var result = await CreateSut().ListFargateProfilesAsync("nope", AwsScope.Default, CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Contains("No cluster found", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFargateProfiles_Denied_NamesTheAction()
    {
        _server.Reply = _ => FakeReply.Json(403, """{"message":"not authorized"}""") with { ErrorType = "AccessDeniedException" };

        var result = await CreateSut().ListFargateProfilesAsync("prod", AwsScope.Default, CancellationToken.None);

        Assert.StartsWith("eks:ListFargateProfiles denied", result.Gap!.Detail, StringComparison.Ordinal);
    }

    private IEksEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Eks;
    }
}
