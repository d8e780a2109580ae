namespace DiagBot.Bot.Hosting;

/// <summary>
/// Answers only to the configured Host names (ASP.NET Core's AllowedHosts matching: exact, `*`, or `*.suffix`), except
/// the health probes: a load balancer's or kubelet's probe names the target's own address, which no setting can list.
/// </summary>
internal sealed class HostAllowlist(RequestDelegate next, NetworkEdgeOptions options, ILogger<HostAllowlist> logger)
{
    private static readonly PathString[] Probes = [HealthEndpoints.LivenessPath, HealthEndpoints.ReadinessPath];

    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        if (Allows(options.AllowedHosts, host) || (HttpMethods.IsGet(context.Request.Method) && Probes.Contains(context.Request.Path)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        logger.LogWarning("Request for host '{Host}' refused: it is not in {Setting}", host, NetworkEdgeOptions.AllowedHostsKey);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(new { error = $"This bot does not answer to the host name '{host}'." }).ConfigureAwait(false);
    }

    public static bool Allows(IReadOnlyList<string> allowed, string host) => host.Length > 0 && allowed.Any(pattern =>
        pattern == "*"
        || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
        || (pattern.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)));
}
