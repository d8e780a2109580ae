using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiagBot.Sandbox.Hosting;

/// <summary>
/// Control endpoints under /_sandbox/, for tests and benchmarks driving a sandbox they did not start in-process.
/// POST /_sandbox/faults {"service":"ecs","operation":"DescribeTasks","kind":"throttling","latencyMs":0,"times":null,"hangForMs":null}
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static void MapSandboxControl(this WebApplication app, SandboxRuntime runtime)
    {
        var control = app.MapGroup("/_sandbox");
        control.MapGet("/scenarios", () => Results.Json(runtime.Scenarios, _json));
        control.MapGet("/faults", () => Results.Json(runtime.Faults.Snapshot(), _json));
        control.MapDelete("/faults", () =>
        {
            runtime.Faults.Clear();
            return Results.NoContent();
        });
        control.MapPost("/faults", async (HttpRequest request) =>
        {
            FaultRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<FaultRequest>(request.Body, _json);
            }
            catch (JsonException error)
            {
                return Results.BadRequest(new { message = error.Message });
            }

            if (body is null || string.IsNullOrEmpty(body.Service))
            {
                return Results.BadRequest(new { message = "service is required (ecs, elasticloadbalancing, ec2, logs, cloudtrail, sts or kubernetes)" });
            }

            var fault = new SandboxFault
            {
                Kind = body.Kind,
                Latency = TimeSpan.FromMilliseconds(body.LatencyMs),
                Times = body.Times,
                HangFor = body.HangForMs is { } hang ? TimeSpan.FromMilliseconds(hang) : new SandboxFault().HangFor,
            };
            runtime.Faults.Set(body.Service, body.Operation ?? SandboxFaults.AnyOperation, fault);
            return Results.Json(fault, _json, statusCode: StatusCodes.Status201Created);
        });
    }

    private sealed record FaultRequest(string Service, string? Operation, SandboxFaultKind Kind, int LatencyMs = 0, int? Times = null, int? HangForMs = null);
}
