using DiagBot.Bot.Events;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Teams;
using DiagBot.Bot.WebChat;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// The serve mode's table of contents. Tests start it on a loopback port the same way Program does
/// (WebApplicationFactory cannot: it would capture the in-process sandbox's host, built first).
/// </summary>
public static class DiagBotApp
{
    public static Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default) =>
        BuildAsync(args, _ => { }, cancellationToken);

    /// <summary>The same app with services swapped after DiagBot's own are added: a test's fake clock.</summary>
    internal static Task<WebApplication> BuildAsync(string[] args, Action<IServiceCollection> swap, CancellationToken cancellationToken = default) =>
        BuildAsync(args, sandbox: null, swap, cancellationToken);

    /// <summary>The same over a sandbox already running, which the app then neither starts nor stops (tests share one).</summary>
    internal static async Task<WebApplication> BuildAsync(
        string[] args, SandboxServer? sandbox, Action<IServiceCollection> swap, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        await builder.AddDiagBotAsync(sandbox, cancellationToken).ConfigureAwait(false);
        builder.Services.AddNetworkEdge(builder.Configuration);
        builder.Services.AddSlack(builder.Configuration);
        builder.AddTeams();
        builder.Services.AddEvents(builder.Configuration);
        builder.Services.AddIncidents(builder.Configuration);
        builder.Services.AddWebChat(builder.Configuration);
        swap(builder.Services);

        var app = builder.Build();
        app.UseNetworkEdge();
        app.UseRateLimiter();
        app.MapHealth();
        app.MapSlack();
        app.MapTeams();
        app.MapEvents();
        app.MapWebChat();
        return app;
    }
}
