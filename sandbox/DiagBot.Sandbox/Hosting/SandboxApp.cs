using DiagBot.Sandbox.Aws;
using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Hosting;

// Builds the Kestrel host: AWS operations on POST /, the Kubernetes API and the /_sandbox control endpoints on the same port.
internal static class SandboxApp
{
    public static WebApplication Build(SandboxRuntime runtime, string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(SandboxApp).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(runtime.Options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var app = builder.Build();
        app.MapAws(runtime);
        return app;
    }

    private static void MapAws(this WebApplication app, SandboxRuntime runtime)
    {
        IReadOnlyList<IAwsService> services = [new EcsService(runtime.World)];
        var endpoint = new AwsEndpoint(services, new SigV4Verifier(runtime.Options, runtime.Credentials), runtime.Faults, runtime.Options.TimeProvider);
        app.MapPost("/", endpoint.HandleAsync);
    }
}
