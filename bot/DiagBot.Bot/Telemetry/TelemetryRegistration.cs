using DiagBot.Diagnostics.Telemetry;
using DiagBot.Playbooks.Diagnosis;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DiagBot.Bot.Telemetry;

/// <summary>
/// `builder.AddTelemetry()`: the acknowledgement timer always (its histogram is read by any meter listener), and
/// the OpenTelemetry SDK with its OTLP exporter only when an endpoint is configured, so a laptop run sends nothing.
/// </summary>
internal static class TelemetryRegistration
{
    /// <summary>Every ActivitySource and Meter DiagBot exports.</summary>
    public static readonly string[] Sources = [DiagnosisTelemetry.SourceName, EvidenceTelemetry.SourceName, BotTelemetry.MeterName];

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var options = TelemetryOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddTransient<IStartupFilter, AcknowledgementTimerStartup>();
        if (!options.Exports)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = RedactPath))
            .WithMetrics(metrics => metrics
                .AddMeter(Sources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (options.Endpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(options.Protocol, endpoint);
        }
        else
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    // A Slack response_url carries its token in the path (hooks.slack.com/commands/T../../<token>), and paths name
    // customers' resources: outgoing spans keep the scheme, host and port only.
    private static void RedactPath(System.Diagnostics.Activity span, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            span.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + "/");
            span.SetTag("url.path", null);
            span.SetTag("url.query", null);
        }
    }

    // Kubernetes and the load balancer probe every few seconds; their spans would drown the diagnoses.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
