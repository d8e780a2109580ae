using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Chat;
using Microsoft.AspNetCore.Http.Features;

namespace DiagBot.Bot.Teams;

/// <summary>
/// POST /api/messages, the bot's messaging endpoint. Every request is authenticated before anything is read from
/// it; then the activity is acknowledged at once (202, or 200 with an invoke response) and answered by the worker.
/// </summary>
internal static class TeamsMessagesEndpoint
{
    public const string Path = "/api/messages";

    private const int MaxBodyBytes = 512 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        BotFrameworkTokenValidator validator,
        ITeamsConversationStore store,
        TeamsOptions options,
        TeamsTurnQueue queue,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("DiagBot.Teams");
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            logger.LogWarning("Teams request rejected: no Authorization header");
            return Results.Unauthorized();
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // A chunked body has no length to check up front: the server stops reading it at the limit instead.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        TeamsActivity? activity;
        try
        {
            activity = await ReadActivityAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (activity is null)
        {
            return Results.BadRequest();
        }

        var check = await validator.ValidateAsync(authorization, activity.ServiceUrl, activity.ChannelId, cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            logger.LogWarning("Teams request rejected: {Reason}", check.Reason);
            return Results.Unauthorized();
        }

        // A valid token says the Bot Framework sent it, not that it came from our tenant, Teams, or someone allowed.
        if (TeamsAccessPolicy.RefusalOf(activity, options) is { } refusal)
        {
            logger.LogWarning("Teams activity from tenant {Tenant}, user {User} refused: {Reason}", TeamsAccessPolicy.TenantOf(activity), activity.From?.AadObjectId ?? activity.From?.Id, refusal);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (TeamsConversationReference.From(activity) is { } reference)
        {
            await store.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        }

        var (turn, result) = Route(activity);
        if (turn is not null && !queue.TryEnqueue(turn))
        {
            logger.LogWarning("Teams turn dropped: {Capacity} turns already waiting", TeamsTurnQueue.Capacity);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return result;
    }

    private static (TeamsTurn? Turn, IResult Result) Route(TeamsActivity activity)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message when TeamsCardActions.Read(activity.Value) is { } action:
                return (new TeamsTurn(activity, TeamsTurnKind.CardAction, Action: action), Results.Accepted());
            case ActivityTypes.Message:
                var command = ChatCommandParser.Parse(TeamsMention.StripBotMention(activity));
                return (new TeamsTurn(activity, TeamsTurnKind.Command, Command: command), Results.Accepted());
            case ActivityTypes.ConversationUpdate when BotWasAdded(activity):
                return (new TeamsTurn(activity, TeamsTurnKind.Welcome), Results.Accepted());
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction && TeamsCardActions.Read(activity.Value) is { } invoked:
                return (new TeamsTurn(activity, TeamsTurnKind.CardAction, Action: invoked), Results.Json(InvokeAcknowledgement(), TeamsJson.Options));
            case ActivityTypes.Invoke:
                return (null, Results.StatusCode(StatusCodes.Status501NotImplemented));
            default:
                return (null, Results.Accepted());
        }
    }

    private static bool BotWasAdded(TeamsActivity activity) =>
        activity.Recipient?.Id is { } botId && (activity.MembersAdded ?? []).Any(member => member.Id == botId);

    // The Universal Actions invoke response: a message for the user while the answer is on its way.
    private static JsonObject InvokeAcknowledgement() => new()
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = "DiagBot is on it; the answer follows in this conversation.",
    };

    private static async Task<TeamsActivity?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var activity = await JsonSerializer.DeserializeAsync<TeamsActivity>(request.Body, TeamsJson.Options, cancellationToken).ConfigureAwait(false);
            return activity?.Type is null || activity.ServiceUrl is null || activity.Conversation?.Id is null ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
