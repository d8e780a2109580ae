using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Slack's three request URLs. Each checks the signature over the raw body first (401 when it fails), then
/// parses (400 when the body is malformed), and acknowledges at once; the answers follow from the background.
/// </summary>
internal static class SlackEndpoints
{
    public const string CommandsPath = "/slack/commands";
    public const string EventsPath = "/slack/events";
    public const string InteractionsPath = "/slack/interactions";
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(CommandsPath, CommandAsync);
        app.MapPost(EventsPath, EventAsync);
        app.MapPost(InteractionsPath, InteractionAsync);
        return app;
    }

    private static async Task<IResult> CommandAsync(HttpContext context, SlackRequestReader reader, SlackCommandHandler handler)
    {
        var request = await reader.ReadAsync(context).ConfigureAwait(false);
        if (request.Rejection is not null)
        {
            return request.Rejection;
        }

        var command = SlashCommand.FromForm(request.Body);
        if (command is null)
        {
            return Results.BadRequest();
        }

        var reply = await handler.HandleAsync(command, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(SlackReplier.Ephemeral(reply));
    }

    private static async Task<IResult> EventAsync(HttpContext context, SlackRequestReader reader, SlackEventHandler handler)
    {
        var request = await reader.ReadAsync(context).ConfigureAwait(false);
        if (request.Rejection is not null)
        {
            return request.Rejection;
        }

        if (!SlackJson.TryParse(request.Body, out var body))
        {
            return Results.BadRequest();
        }

        switch (body.Text("type"))
        {
            case "url_verification":
                var challenge = body.Text("challenge");
                return challenge is null ? Results.BadRequest() : Results.Json(new { challenge });
            case "event_callback":
                var retry = int.TryParse(context.Request.Headers[RetryNumHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
                await handler.HandleAsync(body, retry, context.RequestAborted).ConfigureAwait(false);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> InteractionAsync(HttpContext context, SlackRequestReader reader, SlackInteractionHandler handler)
    {
        var request = await reader.ReadAsync(context).ConfigureAwait(false);
        if (request.Rejection is not null)
        {
            return request.Rejection;
        }

        // Interactions arrive form-encoded with one field, `payload`, holding the JSON.
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body));
        if (!form.TryGetValue("payload", out var payload) || !SlackJson.TryParse(Encoding.UTF8.GetBytes(payload.ToString()), out var json))
        {
            return Results.BadRequest();
        }

        await handler.HandleAsync(json, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok();
    }
}
