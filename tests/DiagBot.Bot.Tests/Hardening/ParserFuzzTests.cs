using DiagBot.Bot.Chat;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Triage;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>Bounded random input over each parser: no exception, the same answer twice, and answers that hold together.</summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 11_2026;
    private const int Inputs = 4_000;

    private static readonly string[] Partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-x", ""];

    [Fact]
    public void SubjectParser_RandomText_AlwaysASubjectOrAnErrorAndDeterministic()
    {
        var fuzz = new FuzzText(Seed);
        for (var i = 0; i < Inputs; i++)
        {
            var text = fuzz.Next();
            var first = SubjectParser.Parse(text);
            var second = SubjectParser.Parse(text);
            Assert.True((first.Subject is null) != (first.Error is null), $"input #{i} {Quote(text)}: subject and error both {(first.Subject is null ? "missing" : "set")}");
            Assert.Equal(first.Subject?.ToString(), second.Subject?.ToString());
            Assert.Equal(first.Error, second.Error);
        }

        output.WriteLine($"SubjectParser: {Inputs} random inputs, seed {Seed}");
    }

    [Fact]
    public void ChatCommandParser_RandomText_NeverThrowsAndIsDeterministic()
    {
        var fuzz = new FuzzText(Seed + 1);
        for (var i = 0; i < Inputs; i++)
        {
            var text = fuzz.Next();
            var first = ChatCommandParser.Parse(text);
            Assert.Equal(first, ChatCommandParser.Parse(text));
            Assert.NotNull(first.Subject);
        }

        output.WriteLine($"ChatCommandParser: {Inputs} random inputs, seed {Seed + 1}");
    }

    [Fact]
    public void Arn_RandomText_ParsedArnsRoundTrip()
    {
        var fuzz = new FuzzText(Seed + 2);
        var parsed = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var text = i % 2 == 0 ? fuzz.Next() : $"arn:{Partitions[i % Partitions.Length]}:{fuzz.Next()}:{fuzz.Next()}:{fuzz.Next()}:{fuzz.Next()}";
            if (!Arn.TryParse(text, out var arn))
            {
                continue;
            }

            parsed++;
            Assert.True(Arn.TryParse(arn.ToString(), out var again), $"input #{i} {Quote(text)} does not re-parse");
            Assert.Equal(arn, again);
        }

        output.WriteLine($"Arn: {Inputs} random inputs, {parsed} parsed, seed {Seed + 2}");
    }

    [Fact]
    public void EcsTaskRef_RandomText_ParsedRefsHaveAnIdAndReparseFromTheirArn()
    {
        var fuzz = new FuzzText(Seed + 3);
        for (var i = 0; i < Inputs; i++)
        {
            var text = i % 3 == 0 ? "arn:aws:ecs:us-east-1:123456789012:task/" + fuzz.Next() : fuzz.Next();
            if (!EcsTaskRef.TryParse(text, out var task))
            {
                continue;
            }

            Assert.False(string.IsNullOrWhiteSpace(task.TaskId), $"input #{i} {Quote(text)} parsed without a task id");
            if (task.Arn is not null)
            {
                Assert.True(EcsTaskRef.TryParse(task.Arn, out var again), $"input #{i}: its own ARN {Quote(task.Arn)} does not re-parse");
                Assert.Equal(task.TaskId, again.TaskId);
            }
        }

        output.WriteLine($"EcsTaskRef: {Inputs} random inputs, seed {Seed + 3}");
    }

    private static string Quote(string text) => "\"" + string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
