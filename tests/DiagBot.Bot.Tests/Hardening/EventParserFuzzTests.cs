using System.Text.Json.Nodes;
using DiagBot.Bot.Events;
using DiagBot.Bot.Store;
using DiagBot.Bot.Tests.Events;
using DiagBot.Diagnostics.Kubernetes;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>Bounded random input over the event parsers: documented events with fields mutated, and raw noise. No exception, the same answer twice.</summary>
public sealed class EventParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 9_2026;
    private const int Inputs = 3_000;

    private static readonly string[] Fixtures =
    [
        EventFixtures.TaskFailed, EventFixtures.TaskScaleIn, EventFixtures.TaskStoppedByUser, EventFixtures.PlacementFailure,
        EventFixtures.SteadyState, EventFixtures.DeploymentFailed, EventFixtures.DeploymentCompleted,
    ];

    [Fact]
    public void EcsEventReader_MutatedAndRandomEvents_EventOrErrorNeverThrowsAndIsDeterministic()
    {
        var random = new Random(Seed);
        var fuzz = new FuzzText(Seed);
        var accepted = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var json = i % 5 == 0 ? fuzz.Next() : Mutate(EventFixtures.Json(Fixtures[i % Fixtures.Length]), random, fuzz);
            var (first, error) = EcsEventReader.Read(json);
            var (second, again) = EcsEventReader.Read(json);

            Assert.True(first is not null || error is not null, $"input #{i}: neither an event nor an error");
            Assert.Equal(error, again);
            if (first is null || error is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(error), $"input #{i}: refused without saying why");
                continue;
            }

            accepted++;
            var meaning = EcsEventClassifier.Classify(first);
            Assert.Equal(meaning, EcsEventClassifier.Classify(second!));
            _ = ArchivedTaskMapper.ToTask(first.Detail);
        }

        output.WriteLine($"EcsEventReader: {Inputs} inputs, {accepted} accepted, seed {Seed}");
        Assert.InRange(accepted, 1, Inputs - 1);
    }

    [Fact]
    public void SnsMessage_MutatedAndRandomBodies_NeverThrowsAndSignsOnlyCompleteMessages()
    {
        var random = new Random(Seed + 1);
        var fuzz = new FuzzText(Seed + 1);
        var signable = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var body = i % 3 == 0 ? fuzz.Next() : Mutate(SnsNotification(fuzz.Next()), random, fuzz);
            var message = SnsMessage.TryParse(body);
            if (message is null)
            {
                continue;
            }

            var bytes = message.StringToSign();
            Assert.Equal(bytes, message.StringToSign());
            if (bytes is not null)
            {
                signable++;
                Assert.Contains(message.Type, new[] { SnsMessage.Notification, SnsMessage.SubscriptionConfirmation, SnsMessage.UnsubscribeConfirmation });
                Assert.NotNull(message.Field("MessageId"));
            }
        }

        output.WriteLine($"SnsMessage: {Inputs} inputs, {signable} signable, seed {Seed + 1}");
        Assert.True(signable > 0);
    }

    [Fact]
    public void KubernetesEventMapper_RandomEvents_KeyedUnderTheirNamespaceAndDeterministic()
    {
        var random = new Random(Seed + 2);
        var fuzz = new FuzzText(Seed + 2);
        string?[] reasons = [.. KubernetesEventMapper.WatchedReasons, "Pulled", "FailedMount", null, ""];
        string?[] kinds = ["Pod", "ReplicaSet", "Deployment", "Node", "StatefulSet", null, ""];
        var mapped = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var warning = new KubeWarningEvent
            {
                Uid = random.Next(4) == 0 ? "" : fuzz.Next(),
                ResourceVersion = fuzz.Next(),
                Namespace = random.Next(5) == 0 ? "" : fuzz.Next(),
                Name = fuzz.Next(),
                Reason = reasons[random.Next(reasons.Length)],
                Message = random.Next(6) == 0 ? null : fuzz.Next() + new string('m', random.Next(0, 2_000)),
                Count = random.Next(-1, 1_000),
                InvolvedKind = kinds[random.Next(kinds.Length)],
                InvolvedName = random.Next(6) == 0 ? null : fuzz.Next(),
            };
            var cluster = "c" + random.Next(3);

            var result = KubernetesEventMapper.Map(cluster, warning);
            Assert.Equal(result, KubernetesEventMapper.Map(cluster, warning));
            if (result is not { } found)
            {
                Assert.DoesNotContain(warning.Reason, KubernetesEventMapper.WatchedReasons);
                continue;
            }

            mapped++;
            Assert.StartsWith($"k8s:{cluster}:", found.EventId, StringComparison.Ordinal);
            Assert.StartsWith((warning.Namespace.Length == 0 ? "default" : warning.Namespace) + "/", found.Occurrence.Scope, StringComparison.Ordinal);
            Assert.True(found.Occurrence.Evidence.Length <= 600, $"input #{i}: evidence of {found.Occurrence.Evidence.Length} characters");
        }

        output.WriteLine($"KubernetesEventMapper: {Inputs} inputs, {mapped} mapped, seed {Seed + 2}");
        Assert.True(mapped > 0);
    }

    private static string SnsNotification(string message) => new JsonObject
    {
        ["Type"] = "Notification",
        ["MessageId"] = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        ["TopicArn"] = "arn:aws:sns:us-west-2:111122223333:ecs-events",
        ["Subject"] = "ECS event",
        ["Message"] = message,
        ["Timestamp"] = "2026-11-26T09:00:00.000Z",
        ["SignatureVersion"] = "2",
        ["Signature"] = "bm90IGEgc2lnbmF0dXJl",
        ["SigningCertURL"] = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-0000.pem",
    }.ToJsonString();

    /// <summary>Replaces, removes or retypes a few random properties anywhere in the document.</summary>
    private static string Mutate(string json, Random random, FuzzText fuzz)
    {
        var root = JsonNode.Parse(json)!;
        for (var changes = random.Next(1, 4); changes > 0; changes--)
        {
            var objects = Objects(root).ToList();
            var target = objects[random.Next(objects.Count)];
            var names = target.Select(p => p.Key).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            var name = names[random.Next(names.Count)];
            target[name] = random.Next(8) switch
            {
                0 => null,
                1 => random.Next(),
                2 => random.Next(2) == 0,
                3 => new JsonArray(fuzz.Next(), random.Next()),
                4 => new JsonObject { [fuzz.Next()] = fuzz.Next() },
                5 => "arn:" + fuzz.Next(),
                _ => fuzz.Next(),
            };
            if (random.Next(6) == 0)
            {
                target.Remove(name);
            }
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Objects(p.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };
}
