using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Elb;

public sealed class ElbQueryTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Version = "2015-12-01";

    [Fact]
    public async Task DescribeTargetHealth_UnhealthyTargets_CarryReasonAndDescription()
    {
        var groups = await Query(AwsForms.Action("DescribeTargetGroups", Version, ("Names.member.1", "catalog-api-tg")));
        var arn = groups.Value("TargetGroupArn");

        var health = await Query(AwsForms.Action("DescribeTargetHealth", Version, ("TargetGroupArn", arn)));

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Target.Timeout", health.Value("Reason"));
        Assert.Equal("Request timed out", health.Value("Description"));
        Assert.Contains("<DescribeTargetHealthResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">", health.Body);
    }

    [Fact]
    public async Task DescribeTargetGroups_UnknownName_AnswersErrorResponse()
    {
        var reply = await Query(AwsForms.Action("DescribeTargetGroups", Version, ("Names.member.1", "nope")));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("<ErrorResponse", reply.Body);
        Assert.Equal("TargetGroupNotFound", reply.Value("Code"));
    }

    [Fact]
    public async Task Query_WrongVersion_IsAnInvalidAction()
    {
        var reply = await Query(AwsForms.Action("DescribeLoadBalancers", "2012-06-01"));

        Assert.Equal("InvalidAction", reply.Value("Code"));
    }

    [Fact]
    public async Task DescribeTargetHealth_NoTargetGroup_IsAValidationError()
    {
        var reply = await Query(AwsForms.Action("DescribeTargetHealth", Version));

        Assert.Equal("ValidationError", reply.Value("Code"));
    }

    [Fact]
    public async Task Query_WrongSecret_IsSignatureDoesNotMatch()
    {
        var reply = await new AwsTestClient(fixture.Server) { SecretOverride = "wrong" }.QueryAsync("elasticloadbalancing", AwsForms.Action("DescribeLoadBalancers", Version));

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("SignatureDoesNotMatch", reply.Value("Code"));
    }

    private Task<AwsReply> Query(Dictionary<string, string> form) => fixture.CreateClient().QueryAsync("elasticloadbalancing", form);
}
