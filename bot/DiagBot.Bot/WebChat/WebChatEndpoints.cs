using System.Reflection;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.WebChat;

/// <summary>The local web chat: one page with no external asset, its script and style, and a small JSON API.</summary>
internal static class WebChatEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/webchat/chat.js", "chat.js", "text/javascript; charset=utf-8"),
        ("/webchat/chat.css", "chat.css", "text/css; charset=utf-8"),
    ];

    public static IServiceCollection AddWebChat(this IServiceCollection services) => services.AddSingleton<WebChatExamples>();

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            var content = ReadAsset(resource);
            app.MapGet(path, () => Results.Text(content, contentType));
        }

        app.MapGet("/webchat/api/info", (AnswerOrigin origin) => Results.Ok(new { sandbox = origin.IsSandbox, origin = origin.Description }));
        app.MapGet("/webchat/api/examples", (WebChatExamples examples) => Results.Ok(examples.All()));
        app.MapPost("/webchat/api/messages", WebChatMessageEndpoint.HandleAsync);
        return app;
    }

    private static string ReadAsset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DiagBot.Bot.WebChat.Assets.{name}")
            ?? throw new InvalidOperationException($"web chat asset {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
