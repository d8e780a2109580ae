using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Kubernetes;

/// <summary>An EKS cluster is called with a bearer token made in-process, no AWS CLI involved.</summary>
public sealed class EksClusterAuthTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetPod_EksCluster_SendsEksBearerToken()
    {
        _server.Reply = _ => new FakeReply(200, """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","namespace":"shop"},"status":{"phase":"Running"}}""", "application/json");

        var result = await CreateSut().GetPodAsync("prod-eks", "shop", "web", CancellationToken.None);

        Assert.Equal("Running", result.Value!.Phase);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/v1/namespaces/shop/pods/web", request.PathAndQuery);
        Assert.StartsWith("Bearer k8s-aws-v1.", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPod_ForbiddenStatus_IsAccessDeniedNamingTheRbacRule()
    {
        _server.Reply = _ => new FakeReply(403,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods \"web\" is forbidden: User \"diagbot\" cannot get resource \"pods\" in API group \"\" in the namespace \"shop\"","reason":"Forbidden","code":403}""",
            "application/json");

        var result = await CreateSut().GetPodAsync("prod-eks", "shop", "web", CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.StartsWith("RBAC 'get pods' denied", result.Gap.Detail, StringComparison.Ordinal);
        Assert.Contains("cannot get resource", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPod_EksClusterWithoutServer_FindsEndpointWithDescribeClusterOnce()
    {
        _server.Reply = r => r.PathAndQuery switch
        {
            "/clusters/prod" => FakeReply.Json(200, "{\"cluster\":{\"name\":\"prod\",\"status\":\"ACTIVE\",\"endpoint\":\"" + _server.BaseAddress.ToString().TrimEnd('/') + "\",\"certificateAuthority\":{}}}"),
            var p when p.StartsWith("/api/v1/namespaces/shop/pods?", StringComparison.Ordinal) || p == "/api/v1/namespaces/shop/pods" => new FakeReply(200, """{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[]}""", "application/json"),
            _ => new FakeReply(200, """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","namespace":"shop"},"status":{"phase":"Running"}}""", "application/json"),
        };
        var kubernetes = CreateSut(withServer: false);

        var first = await kubernetes.GetPodAsync("prod-eks", "shop", "web", CancellationToken.None);
        var second = await kubernetes.ListPodsAsync("prod-eks", "shop", null, CancellationToken.None);

        Assert.Equal("Running", first.Value!.Phase);
        Assert.True(second.HasValue, second.Gap?.ToString());
        Assert.Empty(second.Value!);
        var describe = Assert.Single(_server.Requests, r => r.PathAndQuery == "/clusters/prod");
        Assert.Contains("/us-east-1/eks/aws4_request", describe.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPod_DescribeClusterDenied_GapNamesEksAction()
    {
        _server.Reply = _ => FakeReply.Json(403, """{"message":"not authorized"}""") with { ErrorType = "AccessDeniedException" };

        var result = await CreateSut(withServer: false).GetPodAsync("prod-eks", "shop", "web", CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.StartsWith("eks:DescribeCluster denied", result.Gap.Detail, StringComparison.Ordinal);
    }

    private Diagnostics.Kubernetes.IKubernetesEvidence CreateSut(bool withServer = true)
    {
        var settings = EvidenceHarness.Settings(_server.BaseAddress,
            ("DiagBot:Kubernetes:Clusters:0:Name", "prod-eks"),
            ("DiagBot:Kubernetes:Clusters:0:Server", withServer ? _server.BaseAddress.ToString() : null),
            ("DiagBot:Kubernetes:Clusters:0:Eks:ClusterName", "prod"),
            ("DiagBot:Kubernetes:Clusters:0:Eks:Region", "us-east-1"));
        return EvidenceHarness.Build(settings).GetRequiredService<IEvidenceSessionFactory>().StartSession().Kubernetes;
    }
}
