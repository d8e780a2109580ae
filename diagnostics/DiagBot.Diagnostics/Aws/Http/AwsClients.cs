namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>The protocol clients every session's service clients are built on; one set per process.</summary>
internal sealed record AwsClients(AwsJsonClient Json, AwsQueryClient Query);
