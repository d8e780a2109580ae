using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.WebChat;

public sealed class WebChatApiTests : IAsyncLifetime
{
    private RunningBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Page_Root_IsSelfContainedHtml()
    {
        var html = await _bot.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<title>DiagBot</title>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("textContent", await _bot.Client.GetStringAsync(new Uri("/webchat/chat.js", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examples_Sandbox_ListEverySeededScenarioAsACommand()
    {
        using var examples = JsonDocument.Parse(await _bot.Client.GetStringAsync(new Uri("/webchat/api/examples", UriKind.Relative)));

        var oom = examples.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "p07-task-oom");
        Assert.StartsWith("/diagnose arn:aws:ecs:us-east-1:111122223333:task/prod/", oom.GetProperty("command").GetString(), StringComparison.Ordinal);
        Assert.Equal("Container killed: exit code 137", oom.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Message_SeededIncident_StreamsProgressThenTheVerdict()
    {
        var lines = await SendAsync(new { text = "/diagnose service notification-worker in prod" });

        Assert.Contains(lines, line => line.GetProperty("type").GetString() == "progress");
        var verdict = lines[^1];
        Assert.Equal("verdict", verdict.GetProperty("type").GetString());
        Assert.True(verdict.GetProperty("report").GetProperty("sandbox").GetBoolean());
        Assert.True(verdict.GetProperty("report").GetProperty("verdicts").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("help", "help")]
    [InlineData("", "help")]
    [InlineData("/diagnose --loud x", "error")]
    [InlineData("/diagnose arn:aws:ecs:us-east-1:111122223333:task/prod/ffffffffffffffffffffffffffffffff", "error")]
    public async Task Message_HelpOrBadInput_AnswersWithOneClearLine(string text, string type)
    {
        var lines = await SendAsync(new { text });

        var answer = Assert.Single(lines, line => line.GetProperty("type").GetString() != "progress");
        Assert.Equal(type, answer.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Message_WrongContentType_Is415WithWhatToSend()
    {
        using var response = await _bot.Client.PostAsync(new Uri("/webchat/api/messages", UriKind.Relative), new StringContent("help", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("{\\\"text\\\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\": 42}", HttpStatusCode.BadRequest)]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", HttpStatusCode.BadRequest)]
    public async Task Message_MalformedBody_Is400NotA500(string body, HttpStatusCode expected)
    {
        using var response = await _bot.Client.PostAsync(new Uri("/webchat/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Message_Oversized_Is413()
    {
        using var response = await _bot.Client.PostAsJsonAsync(new Uri("/webchat/api/messages", UriKind.Relative), new { text = new string('x', 20_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<List<JsonElement>> SendAsync(object message)
    {
        using var response = await _bot.Client.PostAsJsonAsync(new Uri("/webchat/api/messages", UriKind.Relative), message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }
}
