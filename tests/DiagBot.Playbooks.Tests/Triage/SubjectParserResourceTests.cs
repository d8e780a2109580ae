using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Triage;

public sealed class SubjectParserResourceTests
{
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-tg/73e2d6bc24d8a067";

    [Fact]
    public void Parse_TargetGroupArn_IsTargetGroupByArn()
    {
        var group = Assert.IsType<TargetGroupSubject>(SubjectParser.Parse(TargetGroupArn).Subject);

        Assert.Equal(TargetGroupArn, group.Arn);
        Assert.Equal("web-tg", group.DisplayName);
        Assert.Equal("target-group", group.Kind);
    }

    [Fact]
    public void Parse_SymptomAroundTargetGroupArn_KeepsTheWords()
    {
        var group = Assert.IsType<TargetGroupSubject>(SubjectParser.Parse($"ALB 503 on {TargetGroupArn}").Subject);

        Assert.Equal(TargetGroupArn, group.Arn);
        Assert.Equal("ALB 503 on", group.Symptom);
    }

    [Theory]
    [InlineData("target group web-tg", "web-tg", null)]
    [InlineData("ALB 503 on target group web-tg", "web-tg", "ALB 503 on")]
    [InlineData("tg checkout-7 returns 502", "checkout-7", "returns 502")]
    [InlineData("Target-Group api, unhealthy since deploy", "api", ", unhealthy since deploy")]
    public void Parse_TargetGroupByName_NamesItAndKeepsTheWords(string text, string name, string? symptom)
    {
        var group = Assert.IsType<TargetGroupSubject>(SubjectParser.Parse(text).Subject);

        Assert.Null(group.Arn);
        Assert.Equal(name, group.Name);
        Assert.Equal(symptom, group.Symptom);
    }

    [Theory]
    [InlineData("the target group is empty since the deploy")]
    [InlineData("all targets in the tg are unhealthy")]
    public void Parse_TargetGroupInASentence_IsSymptomText(string text)
    {
        Assert.IsType<SymptomSubject>(SubjectParser.Parse(text).Subject);
    }

    [Theory]
    [InlineData("deployment payments/ledger-api", "payments", "ledger-api", null, null)]
    [InlineData("deployment checkout/cart-worker in prod-eks stuck rolling out", "checkout", "cart-worker", "prod-eks", "stuck rolling out")]
    public void Parse_KubernetesDeployment_CarriesNamespaceNameAndCluster(string text, string ns, string name, string? cluster, string? symptom)
    {
        var deployment = Assert.IsType<DeploymentSubject>(SubjectParser.Parse(text).Subject);

        Assert.Equal(ns, deployment.Namespace);
        Assert.Equal(name, deployment.Deployment);
        Assert.Equal(cluster, deployment.Cluster);
        Assert.Equal(symptom, deployment.Symptom);
        Assert.Equal("deployment", deployment.Kind);
    }

    [Fact]
    public void Parse_EcsDeploymentId_IsEcsDeployment()
    {
        var deployment = Assert.IsType<EcsDeploymentSubject>(SubjectParser.Parse("deployment ecs-svc/4719302846651023981 stuck").Subject);

        Assert.Equal("ecs-svc/4719302846651023981", deployment.DeploymentId);
        Assert.Equal("stuck", deployment.Symptom);
    }

    [Theory]
    [InlineData("deployment web", "names no namespace", "deployment <namespace>/<name>")]
    [InlineData("target group", "Say which target group", "target group <name>")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-tg/nothex", "malformed target group ARN", "target group <name>")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/prod-public/50dc6c495c0c9188", "elasticloadbalancing:loadbalancer", "target group <name>")]
    public void Parse_BadResourceReference_SaysWhatWasWrongAndWhatToType(string text, string wrong, string instead)
    {
        var result = SubjectParser.Parse(text);

        Assert.Null(result.Subject);
        Assert.Contains(wrong, result.Error, StringComparison.Ordinal);
        Assert.Contains(instead, result.Error, StringComparison.Ordinal);
    }
}
