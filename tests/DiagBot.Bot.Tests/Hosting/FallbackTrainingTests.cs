using DiagBot.Bot.Hosting;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DiagBot.Bot.Tests.Hosting;

public sealed class FallbackTrainingTests
{
    [Fact]
    public async Task Start_TrainsTheFallbackInTheBackground_AndSaysSoOnce()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var sut = new FallbackTraining(factory.CreateLogger<FallbackTraining>());

        await sut.StartAsync(CancellationToken.None);
        await sut.ExecuteTask!;

        var entry = Assert.Single(logs.Entries, e => e.Category == typeof(FallbackTraining).FullName);
        Assert.StartsWith("Triage's learned fallback trained on the embedded corpus (", entry.Message, StringComparison.Ordinal);
        // Thousands of words, word pairs and letter runs: the whole training corpus, not an empty model.
        Assert.True((int)entry.Fields["Features"]! > 10_000, entry.Message);
    }
}
