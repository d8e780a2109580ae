using DiagBot.Bot.Chat;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Tests.Chat;

public sealed class ChatCommandParserTests
{
    [Theory]
    [InlineData("/diagnose arn:aws:ecs:us-east-1:111122223333:task/prod/abc", "arn:aws:ecs:us-east-1:111122223333:task/prod/abc")]
    [InlineData("diagnose   service web in prod", "service web in prod")]
    [InlineData("ALB 503 on web", "ALB 503 on web")]
    [InlineData("DIAGNOSE pod shop/web-1", "pod shop/web-1")]
    public void Parse_DiagnoseForms_YieldTheSubject(string text, string subject)
    {
        var command = ChatCommandParser.Parse(text);

        Assert.Equal((ChatCommandKind.Diagnose, subject, false), (command.Kind, command.Subject, command.Share));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("/diagnose help")]
    [InlineData("/diagnose")]
    public void Parse_EmptyOrHelp_IsHelp(string text)
    {
        Assert.Equal(ChatCommandKind.Help, ChatCommandParser.Parse(text).Kind);
    }

    [Theory]
    [InlineData("service <name> in <cluster>")]
    [InlineData("target group <name>")]
    [InlineData("pod <namespace>/<name> [in <cluster>]")]
    [InlineData("deployment <namespace>/<name> [in <cluster>]")]
    [InlineData("deployment ecs-svc/<id>")]
    public void Usage_NamesEverySubjectTheNoMatchHintNames(string subject)
    {
        Assert.Contains(subject, ChatCommand.Usage, StringComparison.Ordinal);
        Assert.Contains($"`{subject}`", NoMatchHint.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShareFlagAnywhere_IsTakenOutOfTheSubject()
    {
        var command = ChatCommandParser.Parse("/diagnose --share service web in prod");

        Assert.Equal(("service web in prod", true), (command.Subject, command.Share));
    }

    [Fact]
    public void Parse_UnknownFlag_SaysWhichAndWhatExists()
    {
        var command = ChatCommandParser.Parse("/diagnose --verbose 0f3c");

        Assert.Equal(ChatCommandKind.Invalid, command.Kind);
        Assert.Equal("Unknown option --verbose. The only option is --share.", command.Error);
    }

    [Fact]
    public void Parse_HugeMessage_IsRefusedWithTheLimit()
    {
        var command = ChatCommandParser.Parse(new string('a', 10_000));

        Assert.Equal(ChatCommandKind.Invalid, command.Kind);
        Assert.Contains($"under {ChatCommandParser.MaxLength}", command.Error, StringComparison.Ordinal);
    }
}
