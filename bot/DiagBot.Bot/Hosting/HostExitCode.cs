namespace DiagBot.Bot.Hosting;

/// <summary>
/// What serve mode exits with: 0 when the host was asked to stop, non-zero when it stopped because a background
/// service ended by itself with an error (faulted, or cancelled by something other than the stop), so a supervisor
/// (ECS, Kubernetes, systemd) reads a fault as a fault. Whether a service had already ended is read at the moment
/// the stop begins: a stop asked from outside comes before any service ends, a fault's stop after.
/// </summary>
public sealed class HostExitCode
{
    /// <summary>EX_SOFTWARE from sysexits.h: an internal software error.</summary>
    public const int BackgroundServiceFailed = 70;

    private volatile bool _faulted;

    private HostExitCode()
    {
    }

    public int Code => _faulted ? BackgroundServiceFailed : 0;

    /// <summary>Starts watching; call before the host runs.</summary>
    public static HostExitCode Watch(IHost host)
    {
        var watch = new HostExitCode();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => watch._faulted = host.Services.GetServices<IHostedService>()
            .OfType<BackgroundService>()
            .Any(service => service.ExecuteTask is { IsFaulted: true } or { IsCanceled: true }));
        return watch;
    }
}
