namespace DiagBot.Bot.Telemetry;

/// <summary>
/// Times the requests that must be acknowledged fast (Slack's 3 s limit, the Bot Framework's 15 s, EventBridge's
/// API destination timeout): the handlers answer and leave the diagnosis to the background, so the request's
/// whole duration is the acknowledgement latency.
/// </summary>
internal sealed class AcknowledgementTimer(RequestDelegate next, TimeProvider clock)
{
    private static readonly (string Prefix, string Channel)[] Routes =
    [
        ("/slack/", "slack"),
        ("/api/messages", "teams"),
        ("/events/", "events"),
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var channel = Array.Find(Routes, route => path.StartsWith(route.Prefix, StringComparison.OrdinalIgnoreCase)).Channel;
        if (channel is null || !HttpMethods.IsPost(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = clock.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            BotTelemetry.RecordAck(channel, path.ToLowerInvariant(), clock.GetElapsedTime(started));
        }
    }
}

/// <summary>Puts the timer first in the pipeline without a line in the app's table of contents.</summary>
internal sealed class AcknowledgementTimerStartup : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AcknowledgementTimer>();
        next(app);
    };
}
