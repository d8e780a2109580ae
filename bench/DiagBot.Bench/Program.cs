// Benchmarks are measured here, never in tests (issue 11: benchmarks and hardening).
using DiagBot.Bench;

var json = args.Contains("--json");
var latency = TimeSpan.FromMilliseconds(100);
var repetitions = Options.Int(args, "--reps", 3);

var diagnosis = await DiagnosisBench.RunAsync(latency, repetitions);
var ack = await AckBench.RunAsync(latency, concurrency: 50, rounds: Options.Int(args, "--ack-rounds", 4));
var results = new BenchResults(latency, diagnosis, ack);
Console.WriteLine(json ? results.ToJson() : results.ToTable());
