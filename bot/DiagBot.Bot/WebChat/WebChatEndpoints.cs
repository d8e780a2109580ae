using System.Reflection;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.WebChat.Access;

namespace DiagBot.Bot.WebChat;

/// <summary>
/// The local web chat: one page with no external asset, its script and style, a small JSON API and the incident feed.
/// Off (`DiagBot:WebChat:Enabled`, false by default in live mode), none of it is mapped; on behind a sign-in, all of it
/// requires the signed-in, allowed user.
/// </summary>
internal static class WebChatEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/webchat/chat.js", "chat.js", "text/javascript; charset=utf-8"),
        ("/webchat/chat.css", "chat.css", "text/css; charset=utf-8"),
    ];

    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<WebChatExamples>()
            .AddWebChatAccess(WebChatOptionsReader.Read(configuration, BotModeSetting.Read(configuration)))
            .AddWebChatRateLimit(configuration);

    public static WebApplication MapWebChat(this WebApplication web)
    {
        var options = web.Services.GetRequiredService<WebChatOptions>();
        if (!options.Enabled)
        {
            web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DiagBot.WebChat")
                .LogInformation("The web chat and incident feed are off: set {Setting}:Enabled (and, in live mode, {Setting}:Auth) to turn them on.", WebChatOptions.Section, WebChatOptions.Section);
            return web;
        }

        var app = web.MapGroup(string.Empty);
        if (options.RequiresSignIn)
        {
            app.RequireAuthorization(WebChatAccess.Policy);
        }

        app.MapIncidentFeed();
        foreach (var (path, resource, contentType) in Assets)
        {
            var content = ReadAsset(resource);
            app.MapGet(path, () => Results.Text(content, contentType));
        }

        app.MapGet("/webchat/api/info", (AnswerOrigin origin) => Results.Ok(new { sandbox = origin.IsSandbox, origin = origin.Description }));
        app.MapGet("/webchat/api/examples", (WebChatExamples examples) => Results.Ok(examples.All()));
        app.MapPost("/webchat/api/messages", WebChatMessageEndpoint.HandleAsync).RequireRateLimiting(WebChatRateLimit.Policy);
        return web;
    }

    private static string ReadAsset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DiagBot.Bot.WebChat.Assets.{name}")
            ?? throw new InvalidOperationException($"web chat asset {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
