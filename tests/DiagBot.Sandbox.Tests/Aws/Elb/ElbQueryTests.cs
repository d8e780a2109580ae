using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Elb;

[Collection(SandboxReads.Name)]
public sealed class ElbQueryTests(SandboxFixture fixture)
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

    [Fact]
    public async Task DescribeListeners_PublicLoadBalancer_RedirectsHttpAndAnswers404ForUnknownHosts()
    {
        var lb = (await Query(AwsForms.Action("DescribeLoadBalancers", Version, ("Names.member.1", "prod-public")))).Value("LoadBalancerArn");

        var reply = await Query(AwsForms.Action("DescribeListeners", Version, ("LoadBalancerArn", lb)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var listeners = Members(reply, "Listeners").ToList();
        Assert.Equal(["80 HTTP redirect", "443 HTTPS fixed-response"], listeners.Select(l => $"{Text(l, "Port")} {Text(l, "Protocol")} {Text(l.Descendants().First(e => e.Name.LocalName == "DefaultActions"), "Type")}"));
        Assert.All(listeners, l => Assert.StartsWith(lb.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/", Text(l, "ListenerArn"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DescribeRules_HttpsListener_ListsHostRulesByPriorityThenTheDefaultRule()
    {
        var listener = await HttpsListenerAsync();

        var reply = await Query(AwsForms.Action("DescribeRules", Version, ("ListenerArn", listener)));

        var rules = Members(reply, "Rules").ToList();
        Assert.Equal("default", Text(rules[^1], "Priority"));
        Assert.Equal("true", Text(rules[^1], "IsDefault"));
        var numbered = rules[..^1].Select(r => int.Parse(Text(r, "Priority"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbered.Order(), numbered);
        Assert.Contains(rules, r => r.Descendants().Any(e => e.Name.LocalName == "TargetGroupArn" && e.Value.Contains(":targetgroup/orders-api-tg/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DescribeRules_UnknownListener_IsListenerNotFound()
    {
        var listener = await HttpsListenerAsync();

        var reply = await Query(AwsForms.Action("DescribeRules", Version, ("ListenerArn", listener[..^4] + "ffff")));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("ListenerNotFound", reply.Value("Code"));
    }

    [Fact]
    public async Task DescribeTargetGroups_LoadBalancerArns_AreTheLoadBalancersWhoseRulesForwardThere()
    {
        var lb = (await Query(AwsForms.Action("DescribeLoadBalancers", Version, ("Names.member.1", "prod-public")))).Value("LoadBalancerArn");
        var rules = await Query(AwsForms.Action("DescribeRules", Version, ("ListenerArn", await HttpsListenerAsync())));
        var forwarded = rules.Body.Split("<TargetGroupArn>").Skip(1).Select(s => s[..s.IndexOf('<', StringComparison.Ordinal)]).ToHashSet();

        var groups = Members(await Query(AwsForms.Action("DescribeTargetGroups", Version, ("LoadBalancerArn", lb))), "TargetGroups").ToList();

        Assert.NotEmpty(groups);
        Assert.Equal(forwarded.Order(), groups.Select(g => Text(g, "TargetGroupArn")).Order());
    }

    private async Task<string> HttpsListenerAsync()
    {
        var lb = (await Query(AwsForms.Action("DescribeLoadBalancers", Version, ("Names.member.1", "prod-public")))).Value("LoadBalancerArn");
        var listeners = await Query(AwsForms.Action("DescribeListeners", Version, ("LoadBalancerArn", lb)));
        return Text(Members(listeners, "Listeners").Single(l => Text(l, "Port") == "443"), "ListenerArn");
    }

    private static IEnumerable<System.Xml.Linq.XElement> Members(AwsReply reply, string list) =>
        System.Xml.Linq.XElement.Parse(reply.Body).Descendants().First(e => e.Name.LocalName == list).Elements();

    private static string Text(System.Xml.Linq.XElement element, string name) =>
        element.Descendants().First(e => e.Name.LocalName == name).Value;

    private Task<AwsReply> Query(Dictionary<string, string> form) => fixture.CreateClient().QueryAsync("elasticloadbalancing", form);
}
