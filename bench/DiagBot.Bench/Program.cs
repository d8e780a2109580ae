// Benchmarks are measured here, never in tests (issue 11: benchmarks and hardening).
using DiagBot.Bench;

var json = args.Contains("--json");
var latency = TimeSpan.FromMilliseconds(100);
var repetitions = Options.Int(args, "--reps", 3);

var stormEvents = Options.Int(args, "--storm-events", 1000);
if (args.Contains("--storm-only"))
{
    var storm = await StormBench.RunAsync(latency, stormEvents, services: 10);
    Console.WriteLine(json ? System.Text.Json.JsonSerializer.Serialize(storm.Json) : "| figure | value | target |\n|---|---:|---|\n" + storm.ToTableRows());
    return;
}

if (Prerequisites.MissingForReplicaStorm() is { } missing)
{
    await Console.Error.WriteLineAsync("bench: " + missing);
    Environment.Exit(2);
}

// The storm across three replica processes (issue 22): 10,000 events over 100 services unless told otherwise.
var replicaEvents = Options.Int(args, "--replica-storm-events", 10_000);
var replicaServices = Options.Int(args, "--replica-storm-services", 100);
if (args.Contains("--replica-storm-only"))
{
    var replicas = await ReplicaStormBench.RunAsync(latency, replicaEvents, replicaServices);
    Console.WriteLine(json
        ? System.Text.Json.JsonSerializer.Serialize(replicas.Json)
        : "| figure | value | target |\n|---|---:|---|\n" + replicas.ToTableRows());
    return;
}

// --scale-only: the large account, the 200 concurrent diagnoses, the store soak and the storm across replicas (issue 22).
if (args.Contains("--scale-only"))
{
    var scale = await ScaleBench.RunAsync(latency);
    var soak = await SoakBench.RunAsync();
    var replicas = await ReplicaStormBench.RunAsync(latency, replicaEvents, replicaServices);
    Console.WriteLine(json
        ? System.Text.Json.JsonSerializer.Serialize(scale.Json.Concat(soak.Json).Concat(replicas.Json).ToDictionary())
        : "| figure | value | target |\n|---|---:|---|\n" + scale.ToTableRows() + soak.ToTableRow() + replicas.ToTableRows());
    return;
}

// --trace: each incident's evidence reads with their times, on standard error (the tables stay on standard output).
var diagnosis = await DiagnosisBench.RunAsync(latency, repetitions, args.Contains("--trace") ? Console.Error : null);
var ack = await AckBench.RunAsync(latency, concurrency: 50, rounds: Options.Int(args, "--ack-rounds", 4));
var stormFigures = await StormBench.RunAsync(latency, stormEvents, services: 10);
var scaleFigures = await ScaleBench.RunAsync(latency);
var soakFigures = await SoakBench.RunAsync();
var replicaFigures = await ReplicaStormBench.RunAsync(latency, replicaEvents, replicaServices);
var results = new BenchResults(latency, diagnosis, ack, stormFigures, scaleFigures, soakFigures, replicaFigures);
Console.WriteLine(json ? results.ToJson() : results.ToTable());
