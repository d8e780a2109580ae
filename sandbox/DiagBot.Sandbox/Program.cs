using DiagBot.Sandbox;
using DiagBot.Sandbox.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:4566";
var runtime = new SandboxRuntime(new SandboxOptions { Urls = urls });

if (ConsoleCommands.IsScenarios(args))
{
    ConsoleCommands.PrintScenarios(runtime.Scenarios, args, Console.Out);
    return;
}

var app = SandboxApp.Build(runtime, []);
await app.StartAsync();
ConsoleCommands.PrintBanner(runtime.Options, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses, runtime.Scenarios.Count, Console.Out);
await app.WaitForShutdownAsync();
