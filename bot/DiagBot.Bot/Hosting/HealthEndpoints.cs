using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Hosting;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (AnswerOrigin origin) => Results.Ok(new { status = "ok", sandbox = origin.IsSandbox }));
        return app;
    }
}
