// Benchmarks are measured here, never in tests (issue: benchmarks and hardening).
Console.WriteLine("DiagBot.Bench: no benchmarks yet.");
