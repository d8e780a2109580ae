using System.Text.RegularExpressions;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Tests.Exposure;
using DiagBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;
using static DiagBot.Bot.Tests.Deploy.DeployFiles;
using static DiagBot.Bot.Tests.Deploy.HelmCli;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>
/// What a deployment lets in from outside: the ALB's listener rules (deploy/ecs) and the chart's Ingress forward exactly
/// the routes the bot maps for Slack, Teams, EventBridge and the liveness probe, and nothing else; the web chat only
/// when asked for, behind a sign-in. The routes come from a running bot, not from a list typed here.
/// </summary>
[Trait("Tier", "External")]
public sealed class ExposedPathsTests
{
    private static readonly YamlMappingNode Template = Yaml("ecs", "diagbot.yaml");

    [Fact]
    public async Task EcsListener_ForwardsExactlyTheChannelRoutes_AndAnswers404ToEverythingElse()
    {
        var channelRoutes = await ChannelRoutesAsync();
        var listener = Walk(Template, "Resources", "Listener", "Properties");
        var rule = Walk(Template, "Resources", "ChannelsRule", "Properties");
        var patterns = Strings(Walk(rule, "Conditions", 0, "PathPatternConfig", "Values")).ToList();

        Assert.Equal("fixed-response", Scalar(listener, "DefaultActions", 0, "Type"));
        Assert.Equal("404", Scalar(listener, "DefaultActions", 0, "FixedResponseConfig", "StatusCode"));
        Assert.Equal("path-pattern", Scalar(rule, "Conditions", 0, "Field"));
        Assert.Equal("forward", Scalar(rule, "Actions", 0, "Type"));
        AssertSameSurface(channelRoutes, patterns, AlbMatches);
    }

    [Fact]
    public async Task EcsListener_WebChat_IsOptionalAndBehindAuthenticateOidc()
    {
        var webChatRoutes = await WebChatRoutesAsync();
        var rule = (YamlMappingNode)Walk(Template, "Resources", "WebChatRule");
        var patterns = Strings(Walk(rule, "Properties", "Conditions", 0, "PathPatternConfig", "Values")).ToList();
        var environment = ((YamlSequenceNode)Walk(Template, "Resources", "TaskDefinition", "Properties", "ContainerDefinitions", 0, "Environment")).ToString();

        Assert.Equal("UseWebChat", Scalar(rule, "Condition"));
        Assert.Equal("false", Scalar(Template, "Parameters", "EnableWebChat", "Default"));
        Assert.Equal("authenticate-oidc", Scalar(rule, "Properties", "Actions", 0, "Type"));
        Assert.Equal("authenticate", Scalar(rule, "Properties", "Actions", 0, "AuthenticateOidcConfig", "OnUnauthenticatedRequest"));
        Assert.Equal("forward", Scalar(rule, "Properties", "Actions", 1, "Type"));
        Assert.Contains("alb-oidc", environment, StringComparison.Ordinal);
        AssertSameSurface(webChatRoutes, patterns, AlbMatches);
    }

    [Fact]
    public async Task HelmIngress_OffByDefault_AndOnExposesExactlyTheChannelRoutes()
    {
        var channelRoutes = await ChannelRoutesAsync();
        var byDefault = await TemplateAsync();
        var ingress = Kind(await TemplateAsync("--set", "ingress.enabled=true"), "Ingress");

        Assert.DoesNotContain(byDefault, document => Scalar(document, "kind") == "Ingress");
        AssertSameSurface(channelRoutes, IngressPaths(ingress), IngressMatches);
    }

    [Fact]
    public async Task HelmIngress_WithWebChat_AddsExactlyTheWebChatRoutes()
    {
        var routes = (await ChannelRoutesAsync()).Concat(await WebChatRoutesAsync()).ToList();
        var ingress = Kind(await TemplateAsync("--set", "ingress.enabled=true", "--set", "ingress.webChat=true"), "Ingress");

        // /signin-oidc is not a route: the OpenID Connect handler answers it before routing.
        AssertSameSurface([.. routes, "/signin-oidc"], IngressPaths(ingress), IngressMatches);
    }

    /// <summary>Every route matches a pattern, and every pattern matches a route: no channel left out, nothing extra let in.</summary>
    private static void AssertSameSurface(IReadOnlyCollection<string> routes, IReadOnlyCollection<string> patterns, Func<string, string, bool> matches)
    {
        var unexposed = routes.Where(route => !patterns.Any(pattern => matches(pattern, route))).ToList();
        var extra = patterns.Where(pattern => !routes.Any(route => matches(pattern, route))).ToList();
        Assert.True(unexposed.Count == 0, "routes the bot maps that the deployment does not let in: " + string.Join(", ", unexposed));
        Assert.True(extra.Count == 0, "paths the deployment lets in that the bot does not map: " + string.Join(", ", extra));
    }

    // ALB path patterns: case-sensitive, '*' any characters, '?' one character (ELB "Listener rules", path conditions).
    private static bool AlbMatches(string pattern, string path) =>
        Regex.IsMatch(path, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static bool IngressMatches(string entry, string path) => entry.Split(' ') switch
    {
        ["Exact", var exact] => path == exact,
        ["Prefix", var prefix] => path == prefix.TrimEnd('/') || path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal),
        _ => false,
    };

    private static List<string> IngressPaths(YamlMappingNode ingress) =>
        ((YamlSequenceNode)Walk(ingress, "spec", "rules", 0, "http", "paths")).Children.Select(p => $"{Scalar(p, "pathType")} {Scalar(p, "path")}").ToList();

    /// <summary>The routes a live bot with Slack, Teams and EventBridge on maps, but the readiness probe, which the kubelet asks the pod directly.</summary>
    private static async Task<List<string>> ChannelRoutesAsync()
    {
        await using var bot = await LiveBot.StartAsync(
            "--DiagBot:Slack:SigningSecret=deploy-test",
            "--DiagBot:Slack:BotToken=xoxb-deploy-test",
            "--DiagBot:Teams:AppId=00000000-0000-0000-0000-000000000001",
            "--DiagBot:Teams:AppPassword=deploy-test",
            "--DiagBot:Events:ApiKey=deploy-test");
        return [.. Routes(bot).Where(route => route != HealthEndpoints.ReadinessPath)];
    }

    /// <summary>What turning the web chat on adds to the routes.</summary>
    private static async Task<List<string>> WebChatRoutesAsync()
    {
        await using var off = await RunningBot.StartAsync("--DiagBot:WebChat:Enabled=false", "--Logging:LogLevel:Default=None");
        await using var on = await RunningBot.StartAsync("--Logging:LogLevel:Default=None");
        return [.. Routes(on).Except(Routes(off))];
    }

    private static IEnumerable<string> Routes(RunningBot bot) => bot.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>().Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/')).Distinct();
}
