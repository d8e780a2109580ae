using DiagBot.Sandbox.Aws;
using DiagBot.Sandbox.Aws.CloudTrail;
using DiagBot.Sandbox.Aws.CloudWatch;
using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Eks;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Aws.Logs;
using DiagBot.Sandbox.Aws.Signing;
using DiagBot.Sandbox.Aws.Sts;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Hosting;

/// <summary>Builds the Kestrel host: AWS operations on POST /, the Kubernetes API and the /_sandbox control endpoints on the same port.</summary>
internal static class SandboxApp
{
    public static WebApplication Build(SandboxRuntime runtime, string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // In-process, the current folder's appsettings.json and the ASPNETCORE_* variables belong to the host (the bot):
        // neither its log levels, URLs nor Kestrel endpoints may leak into the sandbox, which listens only where its options say.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(runtime.Options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var app = builder.Build();
        app.MapAws(runtime);
        app.MapKubernetes(runtime);
        app.MapSandboxControl(runtime);
        return app;
    }

    // The one list of simulated AWS services, each found by its SigV4 signing name, once per simulated account.
    private static void MapAws(this WebApplication app, SandboxRuntime runtime)
    {
        var sts = new StsService(runtime.Credentials, runtime.Options.TimeProvider);
        var accounts = runtime.Worlds.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<IAwsService>)
        [
            new EcsService(pair.Value),
            new ElbService(pair.Value),
            new Ec2Service(pair.Value),
            new LogsService(pair.Value),
            new CloudTrailService(pair.Value),
            new CloudWatchService(pair.Value, runtime.Options.TimeProvider),
            new EksService(pair.Value),
            sts,
        ]);
        var endpoint = new AwsEndpoint(new AccountServices(accounts, runtime.Options.AccountId), new SigV4Verifier(runtime.Options, runtime.Credentials),
            runtime.Faults, runtime.RateLimits, runtime.Options.TimeProvider);
        app.MapPost("/", endpoint.HandleAsync);
        // Smithy RPC v2 (CloudWatch's first protocol) names the service and operation in the path.
        app.MapPost(CloudWatchProtocol.CborPathPrefix + "{operation}", endpoint.HandleAsync);

        // EKS is REST-JSON: its operations are GETs on resource paths, signed like the rest.
        app.MapGet("/clusters/{**path}", endpoint.HandleAsync);
    }

    private static void MapKubernetes(this WebApplication app, SandboxRuntime runtime)
    {
        var api = new KubeApi(runtime.World.Kube, runtime.Faults, runtime.Options.TimeProvider);
        app.MapGet("/version", api.HandleAsync);
        app.MapGet("/api/{**path}", api.HandleAsync);
        app.MapGet("/apis/{**path}", api.HandleAsync);
    }
}
