using DiagBot.Diagnostics;
using YamlDotNet.RepresentationModel;
using static DiagBot.Bot.Tests.Deploy.DeployFiles;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>deploy/helm/diagbot: the ClusterRole grants exactly the Kubernetes reads the code makes; probes, identity and secrets by reference.</summary>
public sealed class HelmChartTests
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

    [Fact]
    public void ClusterRole_Rules_AreExactlyTheReadsTheCodeMakes()
    {
        var granted = ClusterRoleRules().ToList();

        Assert.Empty(EvidenceIamActions.KubernetesRbacRules.Except(granted, StringComparer.Ordinal));
        Assert.Empty(granted.Except(EvidenceIamActions.KubernetesRbacRules, StringComparer.Ordinal));
    }

    [Fact]
    public void ClusterRole_Verbs_AreReadsOnly()
    {
        var verbs = ClusterRoleRules().Select(rule => rule.Split(' ')[0]).Distinct();

        Assert.All(verbs, verb => Assert.Contains(verb, ReadVerbs));
    }

    [Fact]
    public void ClusterRoleBinding_BindsTheRoleToTheServiceAccount()
    {
        var binding = HelmTemplate("clusterrolebinding.yaml");

        Assert.Equal("ClusterRole", Scalar(binding, "roleRef", "kind"));
        Assert.Equal("ServiceAccount", Scalar(binding, "subjects", 0, "kind"));
        Assert.Contains(".Values.serviceAccount.name", File.ReadAllText(PathOf("helm", "diagbot", "templates", "clusterrolebinding.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_Probes_AreHealthzAndReadyz()
    {
        var container = Walk(HelmTemplate("deployment.yaml"), "spec", "template", "spec", "containers", 0);

        Assert.Equal("/healthz", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", Scalar(container, "readinessProbe", "httpGet", "path"));
    }

    [Fact]
    public void Deployment_RunsLiveAsNonRootWithSecretsByReference()
    {
        var pod = Walk(HelmTemplate("deployment.yaml"), "spec", "template", "spec");
        var env = ((YamlSequenceNode)Walk(pod, "containers", 0, "env")).Children.Cast<YamlMappingNode>().ToList();

        Assert.Equal("true", Scalar(pod, "securityContext", "runAsNonRoot"));
        Assert.Contains(env, e => Scalar(e, "name") == "DiagBot__Mode" && Scalar(e, "value") == "live");
        Assert.All(env.Where(e => e.Children.ContainsKey(new YamlScalarNode("valueFrom"))), e => Walk(e, "valueFrom", "secretKeyRef"));
        Assert.All(env.Where(e => IsSecretName(Scalar(e, "name"))), e => Assert.False(e.Children.ContainsKey(new YamlScalarNode("value"))));
    }

    [Fact]
    public void Values_HoldSecretReferencesAndARoleAnnotationSlot()
    {
        var values = Yaml("helm", "diagbot", "values.yaml");
        var secrets = (YamlMappingNode)Walk(values, "secrets");

        Assert.All(secrets.Children.Values, secret => Assert.Equal(["env", "name", "key"], ((YamlMappingNode)secret).Children.Keys.Select(k => k.ToString())));
        Assert.Equal(string.Empty, Scalar(values, "serviceAccount", "roleArn"));
        Assert.Equal("live", Scalar(values, "config", "DiagBot", "Mode"));
        Assert.Contains("eks.amazonaws.com/role-arn", File.ReadAllText(PathOf("helm", "diagbot", "templates", "serviceaccount.yaml")), StringComparison.Ordinal);
    }

    internal static bool IsSecretName(string name) =>
        new[] { "secret", "token", "password", "apikey", "api_key", "key" }.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> ClusterRoleRules()
    {
        var role = HelmTemplate("clusterrole.yaml");
        Assert.Equal("ClusterRole", Scalar(role, "kind"));
        foreach (var rule in ((YamlSequenceNode)Walk(role, "rules")).Children)
        {
            var group = Assert.Single(Strings(Walk(rule, "apiGroups")));
            foreach (var verb in Strings(Walk(rule, "verbs")))
            {
                foreach (var resource in Strings(Walk(rule, "resources")))
                {
                    // Each resource is granted in the API group the client reads it from (apps/v1, elbv2.k8s.aws/v1beta1, core/v1).
                    Assert.Equal(EvidenceIamActions.KubernetesRbacGroups.GetValueOrDefault(resource), group);
                    yield return $"{verb} {resource}";
                }
            }
        }
    }
}
