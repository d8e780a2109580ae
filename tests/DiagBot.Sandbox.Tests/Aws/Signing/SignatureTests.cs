using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Signing;

[Collection(SandboxReads.Name)]
public sealed class SignatureTests(SandboxFixture fixture)
{
    private const string DescribeTasks = "AmazonEC2ContainerServiceV20141113.DescribeTasks";
    private static readonly object _body = new { cluster = "prod", tasks = new[] { "abc" } };

    [Fact]
    public async Task Post_WrongSecret_IsRejectedWithInvalidSignature()
    {
        var client = new AwsTestClient(fixture.Server) { SecretOverride = "not-the-secret" };

        var reply = await client.JsonAsync("ecs", DescribeTasks, _body);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("InvalidSignatureException", reply.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", reply.Json.GetProperty("message").GetString());
        Assert.Equal("InvalidSignatureException", reply.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Post_UnknownAccessKey_IsRejectedAsUnrecognizedClient()
    {
        var client = new AwsTestClient(fixture.Server) { AccessKeyOverride = "AKIDSOMEONEELSE00000" };

        var reply = await client.JsonAsync("ecs", DescribeTasks, _body);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("UnrecognizedClientException", reply.ErrorType);
    }

    [Fact]
    public async Task Post_NoAuthorization_IsRejectedAsMissingToken()
    {
        var client = new AwsTestClient(fixture.Server) { Unsigned = true };

        var reply = await client.JsonAsync("ecs", DescribeTasks, _body);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("MissingAuthenticationTokenException", reply.ErrorType);
    }

    [Fact]
    public async Task Post_SignedTenMinutesAgo_IsRejectedAsExpired()
    {
        var client = new AwsTestClient(fixture.Server) { ClockOffset = TimeSpan.FromMinutes(-10) };

        var reply = await client.JsonAsync("ecs", DescribeTasks, _body);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("InvalidSignatureException", reply.ErrorType);
        Assert.StartsWith("Signature expired:", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_SignedFourMinutesAhead_IsAccepted()
    {
        var client = new AwsTestClient(fixture.Server) { ClockOffset = TimeSpan.FromMinutes(4) };

        var reply = await client.JsonAsync("ecs", DescribeTasks, _body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }
}
