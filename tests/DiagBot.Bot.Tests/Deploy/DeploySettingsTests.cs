using DiagBot.Bot.Tests.Support;
using YamlDotNet.RepresentationModel;
using static DiagBot.Bot.Tests.Deploy.DeployFiles;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>Every DiagBot setting the deploy files set is one docs/configuration/settings.md documents, so a misspelt name cannot pass silently.</summary>
public sealed class DeploySettingsTests
{
    private const string SettingsDoc = "docs/configuration/settings.md";

    private static readonly string Settings = File.ReadAllText(Path.Combine(RepositoryRoot.Path, SettingsDoc));

    [Fact]
    public void EcsContainer_SettingNames_AreDocumented()
    {
        AssertDocumented(EcsTemplateTests.ContainerSettingNames());
    }

    [Fact]
    public void HelmChart_SettingNames_AreDocumented()
    {
        var values = Yaml("helm", "diagbot", "values.yaml");
        var secretEnvs = ((YamlMappingNode)Walk(values, "secrets")).Children.Values.Select(secret => Scalar(secret, "env"));
        var deploymentEnvs = ((YamlSequenceNode)Walk(HelmTemplate("deployment.yaml"), "spec", "template", "spec", "containers", 0, "env")).Children
            .Select(entry => Scalar(entry, "name"));

        AssertDocumented(secretEnvs.Concat(deploymentEnvs));
    }

    private static void AssertDocumented(IEnumerable<string> environmentNames)
    {
        var settings = environmentNames.Where(name => name.StartsWith("DiagBot__", StringComparison.Ordinal)).Select(Setting).Distinct().ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.True(Settings.Contains($"`{setting}`", StringComparison.Ordinal), $"{setting} is not in {SettingsDoc}"));
    }

    // DiagBot__Aws__Accounts__0__AccountId is documented as DiagBot:Aws:Accounts: the name up to the first index.
    private static string Setting(string environmentName) =>
        string.Join(':', environmentName.Split("__").TakeWhile(part => !part.All(char.IsAsciiDigit)));
}
