using System.Text;
using DiagBot.Diagnostics;
using DiagBot.Diagnostics.Evidence.Live;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;
using static DiagBot.Bot.Tests.Deploy.DeployFiles;
using static DiagBot.Bot.Tests.Deploy.HelmCli;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>deploy/helm/diagbot as helm itself lints and renders it, with the default values and with examples/multi-cluster.yaml.</summary>
[Trait("Tier", "External")]
public sealed class HelmRenderTests
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lint_DefaultAndMultiClusterValues_Passes(bool multiCluster)
    {
        var (exitCode, output) = await RunAsync(multiCluster ? ["lint", "--strict", Chart, "-f", MultiClusterValues] : ["lint", "--strict", Chart]);

        Assert.True(exitCode == 0, $"helm lint exited {exitCode}:\n{output}");
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Default_RendersEveryObjectTheChartPromises()
    {
        var documents = await TemplateAsync();

        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "ConfigMap", "Deployment", "PodDisruptionBudget", "Service", "ServiceAccount"],
            documents.Select(d => Scalar(d, "kind")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Template_ClusterRole_GrantsExactlyTheReadsTheCodeDeclares()
    {
        var role = Kind(await TemplateAsync(), "ClusterRole");
        var granted = new List<string>();
        foreach (var rule in ((YamlSequenceNode)Walk(role, "rules")).Children)
        {
            var verbs = Strings(Walk(rule, "verbs")).ToList();
            Assert.All(verbs, verb => Assert.Contains(verb, ReadVerbs));
            Assert.DoesNotContain("*", Strings(Walk(rule, "resources")));
            granted.AddRange(from verb in verbs from resource in Strings(Walk(rule, "resources")) select $"{verb} {resource}");
        }

        Assert.Empty(EvidenceIamActions.KubernetesRbacRules.Except(granted, StringComparer.Ordinal));
        Assert.Empty(granted.Except(EvidenceIamActions.KubernetesRbacRules, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Template_ClusterRoleBinding_BindsThatRoleToTheChartsServiceAccount()
    {
        var documents = await TemplateAsync();
        var binding = Kind(documents, "ClusterRoleBinding");

        Assert.Equal(Scalar(Kind(documents, "ClusterRole"), "metadata", "name"), Scalar(binding, "roleRef", "name"));
        Assert.Equal(Scalar(Kind(documents, "ServiceAccount"), "metadata", "name"), Scalar(binding, "subjects", 0, "name"));
        Assert.Equal(Namespace, Scalar(binding, "subjects", 0, "namespace"));
    }

    [Fact]
    public async Task Template_Deployment_HasProbesResourcesAndRunsNonRootReadOnly()
    {
        var deployment = Kind(await TemplateAsync(), "Deployment");
        var pod = Walk(deployment, "spec", "template", "spec");
        var container = Walk(pod, "containers", 0);

        Assert.Equal("/healthz", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("100m", Scalar(container, "resources", "requests", "cpu"));
        Assert.Equal("256Mi", Scalar(container, "resources", "requests", "memory"));
        Assert.Equal("512Mi", Scalar(container, "resources", "limits", "memory"));
        Assert.Equal("true", Scalar(pod, "securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", Scalar(pod, "securityContext", "runAsUser"));
        Assert.Equal("true", Scalar(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Scalar(container, "securityContext", "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], Strings(Walk(container, "securityContext", "capabilities", "drop")));
    }

    [Fact]
    public async Task Template_Pdb_SelectsTheDeploymentsPods()
    {
        var documents = await TemplateAsync();
        var pdb = Kind(documents, "PodDisruptionBudget");
        var podLabels = (YamlMappingNode)Walk(Kind(documents, "Deployment"), "spec", "template", "metadata", "labels");

        Assert.Equal("1", Scalar(pdb, "spec", "maxUnavailable"));
        Assert.All(((YamlMappingNode)Walk(pdb, "spec", "selector", "matchLabels")).Children, label => Assert.Equal(label.Value.ToString(), podLabels.Children[label.Key].ToString()));
    }

    [Fact]
    public async Task Template_Default_HasNoRoleAnnotationAndNoSecretEnvironment()
    {
        var documents = await TemplateAsync();
        var account = Kind(documents, "ServiceAccount");
        var env = Env(Kind(documents, "Deployment"));

        Assert.False(((YamlMappingNode)Walk(account, "metadata")).Children.ContainsKey(new YamlScalarNode("annotations")));
        Assert.DoesNotContain(env, e => HelmChartTests.IsSecretName(Scalar(e, "name")));
    }

    [Fact]
    public async Task Template_MultiCluster_AnnotatesTheIrsaRoleAndReadsSecretsAndRedisByReference()
    {
        var documents = await TemplateAsync("-f", MultiClusterValues);
        var env = Env(Kind(documents, "Deployment"));

        Assert.Equal("arn:aws:iam::111122223333:role/diagbot-readonly", Scalar(Kind(documents, "ServiceAccount"), "metadata", "annotations", "eks.amazonaws.com/role-arn"));
        Assert.Equal("2", Scalar(Kind(documents, "Deployment"), "spec", "replicas"));
        var botToken = Assert.Single(env, e => Scalar(e, "name") == "DiagBot__Slack__BotToken");
        Assert.Equal("diagbot-slack", Scalar(botToken, "valueFrom", "secretKeyRef", "name"));
        Assert.Equal("bot-token", Scalar(botToken, "valueFrom", "secretKeyRef", "key"));
        Assert.Equal("diagbot-redis", Scalar(Assert.Single(env, e => Scalar(e, "name") == "DiagBot__Store__Redis"), "valueFrom", "secretKeyRef", "name"));
        Assert.All(env.Where(e => HelmChartTests.IsSecretName(Scalar(e, "name"))), e => Assert.False(e.Children.ContainsKey(new YamlScalarNode("value"))));
    }

    [Fact]
    public async Task Template_MultiCluster_ConfigIsWhatTheBotAcceptsAtStartUp()
    {
        var configMap = Kind(await TemplateAsync("-f", MultiClusterValues), "ConfigMap");
        var json = Scalar(configMap, "data", "appsettings.Production.json");
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var (aws, kubernetes) = EvidenceOptionsLoader.Load(configuration);

        Assert.Equal(["111122223333", "444455556666", "777788889999"], aws.Accounts.Select(a => a.AccountId));
        Assert.Equal("arn:aws:iam::444455556666:role/diagbot-readonly", aws.Accounts[1].RoleArn);
        Assert.Equal(["here", "payments-eks", "staging-eks"], kubernetes.Clusters.Select(c => c.Name));
        Assert.Equal("payments", kubernetes.Clusters[1].Eks!.ClusterName);
        Assert.Equal("http://otel-collector.observability:4318", configuration["DiagBot:Telemetry:OtlpEndpoint"]);
    }

    private static List<YamlMappingNode> Env(YamlMappingNode deployment) =>
        ((YamlSequenceNode)Walk(deployment, "spec", "template", "spec", "containers", 0, "env")).Children.Cast<YamlMappingNode>().ToList();
}
