using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>Reads the files under deploy/ as YAML: Helm templates with their directives blanked, CloudFormation tags ignored.</summary>
internal static partial class DeployFiles
{
    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot.Path, "deploy", .. parts]);

    public static YamlMappingNode Yaml(params string[] parts) => Parse(File.ReadAllText(PathOf(parts)));

    /// <summary>
    /// A Helm template as the YAML it renders to, roughly: lines that are only a directive go, inline
    /// expressions become "templated". Good enough for the fixed parts (rules, probes) the tests assert on.
    /// </summary>
    public static YamlMappingNode HelmTemplate(string name)
    {
        var lines = File.ReadAllLines(PathOf("helm", "diagbot", "templates", name))
            .Where(line => !DirectiveOnly().IsMatch(line))
            .Select(line => Expression().Replace(line, "templated"));
        return Parse(string.Join('\n', lines));
    }

    public static YamlNode Walk(YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step is int index ? ((YamlSequenceNode)node).Children[index] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)step)];
        }

        return node;
    }

    public static string Scalar(YamlNode node, params object[] path) => ((YamlScalarNode)Walk(node, path)).Value!;

    public static IEnumerable<string> Strings(YamlNode node) => ((YamlSequenceNode)node).Children.Select(child => ((YamlScalarNode)child).Value!);

    // CloudFormation's short forms (!Ref, !Sub, !GetAtt, !If...) parse as tagged nodes; the representation model keeps their values.
    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^\s*\{\{.*\}\}\s*$")]
    private static partial Regex DirectiveOnly();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Expression();
}
