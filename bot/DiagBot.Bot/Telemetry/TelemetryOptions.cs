using DiagBot.Bot.Hosting;
using OpenTelemetry.Exporter;

namespace DiagBot.Bot.Telemetry;

/// <summary>
/// Where traces, metrics and logs go over OTLP: DiagBot's own setting, or the standard OTEL_EXPORTER_OTLP_*
/// variables; with neither, nothing is exported. Read and checked at start-up.
/// </summary>
internal sealed record TelemetryOptions(Uri? Endpoint, OtlpExportProtocol Protocol, bool FromStandardVariables, string ServiceName)
{
    public const string SectionName = "DiagBot:Telemetry";
    public const string EndpointSetting = SectionName + ":OtlpEndpoint";
    public const string ProtocolSetting = SectionName + ":OtlpProtocol";
    public const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string StandardServiceName = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "diagbot";

    public bool Exports => Endpoint is not null || FromStandardVariables;

    public static TelemetryOptions Read(IConfiguration configuration)
    {
        var serviceName = configuration[StandardServiceName] is { Length: > 0 } named ? named : DefaultServiceName;
        if (configuration[EndpointSetting] is { Length: > 0 } endpoint)
        {
            return new TelemetryOptions(ReadEndpoint(endpoint, EndpointSetting), ReadProtocol(configuration[ProtocolSetting]), false, serviceName);
        }

        if (configuration[StandardEndpoint] is { Length: > 0 } standard)
        {
            // The exporter reads OTEL_EXPORTER_OTLP_* itself (protocol, headers, timeout); only the address is checked here.
            ReadEndpoint(standard, StandardEndpoint);
            return new TelemetryOptions(null, OtlpExportProtocol.Grpc, true, serviceName);
        }

        return new TelemetryOptions(null, OtlpExportProtocol.HttpProtobuf, false, serviceName);
    }

    private static Uri ReadEndpoint(string value, string setting) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidConfigurationException(
                $"{setting} is '{value}', which is not an http or https address. Give the collector's base address, e.g. http://otel-collector:4318 (http/protobuf) or http://otel-collector:4317 (grpc).");

    private static OtlpExportProtocol ReadProtocol(string? value) => value switch
    {
        null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        "grpc" => OtlpExportProtocol.Grpc,
        _ => throw new InvalidConfigurationException($"{ProtocolSetting} is '{value}'; use http/protobuf (the default, port 4318) or grpc (port 4317)."),
    };
}
