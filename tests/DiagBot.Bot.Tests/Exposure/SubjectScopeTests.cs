using DiagBot.Bot.Chat;
using DiagBot.Bot.Tests.Support;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// A chat subject naming another partition, account or region is refused with what is configured, and no signed
/// request leaves for it: every AWS endpoint of the live bot is a loopback recorder that counts what reaches it.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SubjectScopeTests(ITestOutputHelper output)
{
    private const string Task = "task/prod/0123456789abcdef0123456789abcdef";

    /// <summary>How many foreign subjects the test asks about (docs/security.md quotes it).</summary>
    public const int ForeignSubjectCases = 7;

    [Fact]
    public async Task ForeignSubjects_AreRefusedNamingWhatIsConfigured_AndSendNoSignedRequest()
    {
        var calls = 0;
        await using var recorder = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.WriteAsync("{\"__type\":\"ClientException\",\"message\":\"recorded\"}");
        }));
        using var credentials = new EnvironmentScope(("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        await using var bot = await LiveBot.StartAsync("--DiagBot:Aws:EndpointUrl=" + recorder.BaseAddress);
        var diagnoses = bot.Services.GetRequiredService<DiagnosisService>();
        string[] foreign =
        [
            $"arn:aws-cn:ecs:cn-north-1:123456789012:{Task}",
            $"arn:aws-iso:ecs:us-iso-east-1:123456789012:{Task}",
            $"arn:aws-us-gov:ecs:us-gov-west-1:123456789012:{Task}",
            $"arn:aws:ecs:eu-west-1:123456789012:{Task}",
            $"arn:aws:ecs:us-east-1:999999999999:{Task}",
            "service arn:aws:ecs:us-east-1:999999999999:service/prod/web returns 503",
            "503 from arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/50dc6c495c0c9188",
        ];
        Assert.Equal(ForeignSubjectCases, foreign.Length);

        var answered = new List<string>();
        foreach (var subject in foreign)
        {
            var outcome = await diagnoses.DiagnoseAsync(subject, CancellationToken.None);
            if (outcome.Report is not null || outcome.Problem?.Contains("account 123456789012 in us-east-1", StringComparison.Ordinal) != true)
            {
                answered.Add($"{subject}: {outcome.Problem ?? "diagnosed"}");
            }
        }

        output.WriteLine($"foreign subjects tried: {foreign.Length}, signed requests sent for them: {calls}");
        Assert.Empty(answered);
        Assert.Equal(0, calls);

        // A pasted denial names another account's IAM user and role: words to read, not a subject, so it is diagnosed.
        const string denial = "User: arn:aws:iam::091733705266:user/cxue is not authorized to perform: iam:PassRole on resource: "
            + "arn:aws:iam::091733705266:role/ecsTaskExecutionRole";
        var pasted = await diagnoses.DiagnoseAsync(denial, CancellationToken.None);
        Assert.Equal(["deployer-permission-denied"], pasted.Report?.Outside.Select(o => o.Name) ?? [pasted.Problem ?? "no answer"]);
        Assert.Equal(0, calls);

        // The control: the configured account and region do reach the (recording) endpoint.
        await diagnoses.DiagnoseAsync($"arn:aws:ecs:us-east-1:123456789012:{Task}", CancellationToken.None);
        Assert.True(calls > 0, "a configured subject sent no request: the recorder counts nothing");
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly (string Name, string? Saved)[] _saved;

        public EnvironmentScope(params (string Name, string Value)[] values)
        {
            _saved = [.. values.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name)))];
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, saved) in _saved)
            {
                Environment.SetEnvironmentVariable(name, saved);
            }
        }
    }
}
