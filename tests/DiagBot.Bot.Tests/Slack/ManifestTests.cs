using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>deploy/slack/manifest.yml stays in step with the endpoints, command, events and actions the code serves.</summary>
public sealed class ManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void Manifest_RequestUrls_AreTheEndpointsServeModeMaps()
    {
        Assert.EndsWith(SlackEndpoints.CommandsPath, Scalar("features", "slash_commands", 0, "url"), StringComparison.Ordinal);
        Assert.EndsWith(SlackEndpoints.EventsPath, Scalar("settings", "event_subscriptions", "request_url"), StringComparison.Ordinal);
        Assert.EndsWith(SlackEndpoints.InteractionsPath, Scalar("settings", "interactivity", "request_url"), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_CommandEventsAndScopes_AreWhatDiagBotUses()
    {
        Assert.Equal("/diagnose", Scalar("features", "slash_commands", 0, "command"));
        Assert.Equal([SlackEventHandler.AppMention], Sequence("settings", "event_subscriptions", "bot_events"));
        Assert.Equal(["chat:write", "commands", "app_mentions:read", "usergroups:read", "files:write"], Sequence("oauth_config", "scopes", "bot"));
        Assert.Equal("true", Scalar("settings", "interactivity", "is_enabled"));
    }

    private static string Scalar(params object[] path) => ((YamlScalarNode)Walk(path)).Value!;

    private static string[] Sequence(params object[] path) =>
        ((YamlSequenceNode)Walk(path)).Children.Select(child => ((YamlScalarNode)child).Value!).ToArray();

    private static YamlNode Walk(object[] path)
    {
        YamlNode node = Manifest;
        foreach (var step in path)
        {
            node = step is int index ? ((YamlSequenceNode)node).Children[index] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)step)];
        }

        return node;
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "deploy", "slack", "manifest.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
