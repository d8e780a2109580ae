using DiagBot.Bot.Cli;
using DiagBot.Bot.Hosting;

if (CliApp.Handles(args))
{
    return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error);
}

try
{
    var app = await DiagBotApp.BuildAsync(args);
    var exit = HostExitCode.Watch(app);
    await app.RunAsync();
    return exit.Code;
}
catch (InvalidConfigurationException exception)
{
    // A missing or wrong setting stops start-up with its name, not a stack trace.
    await Console.Error.WriteLineAsync($"configuration error: {exception.Message}");
    return CliApp.ExitBadInput;
}
