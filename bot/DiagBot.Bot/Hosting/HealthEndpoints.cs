using DiagBot.Bot.Rendering;
using DiagBot.Bot.Store;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// `/healthz`: the process answers (liveness). `/readyz`: it can serve (readiness): the configuration is valid,
/// which start-up already enforces (an invalid setting stops the process), and the incident store answers.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyProbeKey = "diagbot:readyz";
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(LivenessPath, (AnswerOrigin origin) => Results.Ok(new { status = "ok", sandbox = origin.IsSandbox }));
        app.MapGet(ReadinessPath, ReadyAsync);
        return app;
    }

    private static async Task<IResult> ReadyAsync(IServiceProvider services)
    {
        var store = services.GetService<IIncidentStore>();
        var storeState = store is null ? "not registered" : await ProbeAsync(store).ConfigureAwait(false);
        var ready = storeState is "ok" or "not registered";
        return Results.Json(
            new { status = ready ? "ready" : "not ready", checks = new { configuration = "ok", store = storeState } },
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    // A read of a key nobody writes: Redis answers nil when reachable; the in-memory store always answers.
    private static async Task<string> ProbeAsync(IIncidentStore store)
    {
        try
        {
            await store.GetAsync(ReadyProbeKey).WaitAsync(StoreTimeout).ConfigureAwait(false);
            return "ok";
        }
        catch (TimeoutException)
        {
            return $"no answer within {StoreTimeout.TotalSeconds:0} s";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"unreachable: {exception.GetType().Name}";
        }
    }
}
