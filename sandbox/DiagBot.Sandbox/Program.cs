using DiagBot.Sandbox.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var runtime = new SandboxRuntime(StandaloneOptions.From(args, Environment.GetEnvironmentVariable));

if (ConsoleCommands.IsScenarios(args))
{
    ConsoleCommands.PrintScenarios(runtime.Scenarios, args, Console.Out);
    return;
}

var app = SandboxApp.Build(runtime, []);
await app.StartAsync();
ConsoleCommands.PrintBanner(runtime.Options, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses, runtime.Scenarios.Count, Console.Out);
await app.WaitForShutdownAsync();
