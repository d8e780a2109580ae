using DiagBot.Bot.Incidents;

namespace DiagBot.Bot.Events;

/// <summary>POST /events/eventbridge (API destination) and POST /events/sns (HTTPS subscription).</summary>
internal static class EventEndpoints
{
    public const string EventBridgePath = "/events/eventbridge";
    public const string SnsPath = "/events/sns";

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapPost(EventBridgePath, EventBridgeAsync);
        app.MapPost(SnsPath, SnsAsync);
        return app;
    }

    private static async Task<IResult> EventBridgeAsync(HttpRequest request, EventBridgeAuthenticator authenticator, IncidentCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (!authenticator.IsAuthenticated(request))
        {
            return Results.Unauthorized();
        }

        var body = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return await HandleAsync(body, coordinator, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> SnsAsync(HttpRequest request, SnsSignatureVerifier verifier, IHttpClientFactory clients, IncidentCoordinator coordinator, ILogger<SnsSignatureVerifier> logger, CancellationToken cancellationToken)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (SnsMessage.TryParse(body) is not { } message)
        {
            return Results.BadRequest();
        }

        if (!await verifier.VerifyAsync(message, cancellationToken).ConfigureAwait(false))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        switch (message.Type)
        {
            case SnsMessage.SubscriptionConfirmation:
                // Confirmed only after verification, and only at SNS itself.
                if (!verifier.IsAllowedUrl(message.Field("SubscribeURL"), message.Field("TopicArn"), out var subscribeUrl))
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }

                using (var response = await clients.CreateClient(nameof(SnsSignatureVerifier)).GetAsync(subscribeUrl, cancellationToken).ConfigureAwait(false))
                {
                    logger.LogInformation("SNS subscription to {Topic} confirmed: {Status}", message.Field("TopicArn"), (int)response.StatusCode);
                    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(StatusCodes.Status502BadGateway);
                }

            case SnsMessage.Notification:
                return await HandleAsync(message.Field("Message") ?? "", coordinator, cancellationToken).ConfigureAwait(false);

            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleAsync(string eventJson, IncidentCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (EcsEvent.TryParse(eventJson) is not { } ecsEvent)
        {
            return Results.BadRequest(new { error = "not an EventBridge event with id, detail-type and detail" });
        }

        var result = await coordinator.HandleAsync(ecsEvent, cancellationToken).ConfigureAwait(false);
        return Results.Accepted(value: new { result = result.ToString() });
    }
}
